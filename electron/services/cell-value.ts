// The cell-text rule at the write path: one refusal for every command that stores text a person typed.
import { checkCellText } from '../../shared/domain/cell-text';
import { AppError } from '../db/app-error';

/** The text as stored (normalised, null for empty), or a refusal naming where and which character. */
export function checkedCellValue(value: string | null, where: string): string | null {
  const checked = checkCellText(value);
  if (!checked.ok) throw new AppError('refused', `${where}${checked.reason}，本次修改没有保存。请删去这个字符后再保存。`);
  return checked.text;
}
