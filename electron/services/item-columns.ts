// Where each editable field of an item lives: its column in items, the catalogues column holding the
// document's own heading for it, and its name in the CLI's CSV. One table, read by every layer that needs it.
import type { ItemField } from '../../shared/domain/catalogue';

export const ITEM_COLUMNS: Record<ItemField, { column: string; labelColumn: string; csv: string }> = {
  name: { column: 'name', labelColumn: 'label_name', csv: 'item' },
  targetGroup: { column: 'target_group', labelColumn: 'label_target_group', csv: 'target_group' },
  standard: { column: 'standard', labelColumn: 'label_standard', csv: 'standard' },
  fundingResponsibility: { column: 'funding_responsibility', labelColumn: 'label_funding', csv: 'funding_responsibility' },
  leadDepartment: { column: 'lead_department', labelColumn: 'label_lead', csv: 'lead_department' },
};
