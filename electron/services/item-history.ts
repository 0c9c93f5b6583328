// The history panel's read: one item's changes from change_log, newest first, each described in Chinese
// and marked when its step was undone. Undo and redo replay a step's commands without a group of their
// own; those replays are not listed, the step they replayed shows its state instead.
import { ITEM_FIELDS } from '../../shared/domain/catalogue';
import type { ItemField } from '../../shared/domain/catalogue';
import type { ItemHistory, ItemHistoryEntry, HistoryEntryState } from '../../shared/domain/item-history';
import { domainHeading } from '../../shared/domain/numerals';
import { DRIVER_FIELD_LABELS } from '../../shared/domain/pricing/drivers';
import type { DriverField } from '../../shared/domain/pricing/drivers';
import type { Database } from '../db/database';
import { AppError } from '../db/app-error';
import { text, textOrNull } from '../db/row-values';
import { getCatalogue, getItem } from './catalogue-queries';
import { liveRedo } from './history';

type Json = Record<string, unknown>;
const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

export async function itemHistory(db: Database, itemId: string): Promise<ItemHistory> {
  const [live] = await db.all('SELECT catalogue_id, lineage_id FROM items WHERE id = $1', [itemId]);
  const [logged] = live
    ? [{ catalogue_id: live.catalogue_id }]
    : await db.all(`SELECT catalogue_id FROM change_log WHERE json_extract_string(payload, '$.itemId') = $1 LIMIT 1`, [itemId]);
  if (!logged) throw new AppError('not_found', `没有编号为“${itemId}”的服务项目，也没有它的修改记录。`);
  const detail = await getCatalogue(db, text(logged.catalogue_id));
  const item = detail.items.find((i) => i.id === itemId) ?? null;
  const domains = new Map(detail.domains.map((d) => [d.seq, domainHeading(d.seq, d.name)]));
  const domain = (seq: unknown) => domains.get(Number(seq)) ?? `第${String(seq)}个领域`;
  const rows = await db.all(
    // An undone step a newer edit left behind is dropped, though it is marked so only at the next undo.
    `SELECT c.id, c.recorded_at, c.command, c.payload, c.inverse, c.origin,
            CASE WHEN g.state = 'undone' AND NOT (${liveRedo('g', 'c.catalogue_id')}) THEN 'dropped' ELSE g.state END AS state
     FROM change_log c JOIN history_groups g ON g.id = c.group_id
     WHERE c.catalogue_id = $1 AND json_extract_string(c.payload, '$.itemId') = $2
     ORDER BY c.id DESC`,
    [detail.summary.id, itemId],
  );
  const entries: ItemHistoryEntry[] = [];
  // A split rule is told by its name, as the 测算 grid shows it, not by the id a change records.
  const ruleNames = new Map((await db.all('SELECT id, name FROM split_rules')).map((r) => [text(r.id), text(r.name)]));
  const shownDriver = (field: DriverField, value: unknown) => {
    const shown = str(value);
    return field === 'splitRuleId' && shown !== null ? (ruleNames.get(shown) ?? shown) : shown;
  };
  for (const row of rows) {
    const payload = JSON.parse(text(row.payload)) as Json;
    const inverse = (row.inverse === null ? {} : JSON.parse(text(row.inverse))) as Json;
    const base = {
      changeId: Number(row.id),
      at: text(row.recorded_at),
      state: text(row.state) as HistoryEntryState,
      origin: text(row.origin),
      field: null,
      before: null,
      after: null,
    };
    switch (text(row.command)) {
      case 'item.setField': {
        const field = payload.field as ItemField;
        if (!ITEM_FIELDS.includes(field)) continue;
        entries.push({ ...base, kind: 'field', field, description: `修改“${detail.columnLabels[field]}”`, before: str(inverse.value), after: str(payload.value) });
        break;
      }
      case 'item.insert':
        entries.push({ ...base, kind: 'insert', description: `插入到“${domain(payload.domainSeq)}”第${Number(payload.index) + 1}行`, after: str(payload.name) });
        break;
      case 'item.delete': {
        const stored = (inverse.item ?? {}) as Json;
        entries.push({ ...base, kind: 'delete', description: `从“${domain(stored.domain_seq)}”删除`, before: str(stored.name) });
        break;
      }
      case 'item.move': {
        const from = domain(inverse.domainSeq);
        const to = domain(payload.domainSeq);
        const description =
          from === to
            ? `在“${to}”内由第${Number(inverse.index) + 1}行移至第${Number(payload.index) + 1}行`
            : `由“${from}”移至“${to}”第${Number(payload.index) + 1}行`;
        entries.push({ ...base, kind: 'move', description });
        break;
      }
      case 'driver.setField': {
        const field = payload.field as DriverField;
        const label = DRIVER_FIELD_LABELS[field] ?? String(field);
        entries.push({ ...base, kind: 'driver', description: `修改测算参数“${label}”`, before: shownDriver(field, inverse.value), after: shownDriver(field, payload.value) });
        break;
      }
      default:
        break;
    }
  }
  // Where a drafted item came from: the oldest line of its history.
  const lineage = live ? textOrNull(live.lineage_id) : null;
  if (lineage) {
    const [created] = await db.all(
      `SELECT c.id, c.recorded_at, c.origin, s.name AS source_name FROM change_log c LEFT JOIN catalogues s ON s.id = json_extract_string(c.payload, '$.sourceId')
       WHERE c.catalogue_id = $1 AND c.command = 'catalogue.createDraft' ORDER BY c.id LIMIT 1`,
      [detail.summary.id],
    );
    if (created) {
      const source = await getItem(db, lineage).catch(() => null);
      entries.push({
        changeId: Number(created.id),
        at: text(created.recorded_at),
        kind: 'copied',
        field: null,
        description: `新建草案时从“${text(created.source_name) || '来源清单'}”${source ? `的第${source.itemNo}项“${source.name}”` : ''}复制`,
        before: null,
        after: null,
        state: 'done',
        origin: text(created.origin),
      });
    }
  }
  const current = item ? (Object.fromEntries(ITEM_FIELDS.map((f) => [f, item[f]])) as Record<ItemField, string | null>) : null;
  return { itemId, current, entries };
}
