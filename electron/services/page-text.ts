// The page header and footer of a catalogue's annexes: what the user set (per catalogue), else the
// default — the stage (草稿, 征求意见稿, 送审稿) and the date until the catalogue is published. Read and written here; the
// write is a command, recorded in change_log with its inverse.
import { logChange } from './change-log';
import type { Origin } from './commands';
import type { SetPageTextCommand } from '../../shared/domain/commands';
import type { PageTextSetting } from '../../shared/contract';
import { AppError } from '../db/app-error';
import type { Database, Tx } from '../db/database';
import { textOrNull } from '../db/row-values';
import { checkedCellValue } from './cell-value';
import { getCatalogue } from './catalogue-queries';
import { DRAFT_STAGE_LABELS } from '../../shared/domain/catalogue';
import type { CatalogueSummary } from '../../shared/domain/catalogue';

type Reader = Pick<Database, 'all'> | Pick<Tx, 'all'>;

/** "2026年11月23日" in Beijing time, as a document is dated. */
export function chineseDate(at: Date): string {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' })
    .format(at)
    .split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/**
 * Until a catalogue is published its every page says which stage it is at (草稿, 征求意见稿, 送审稿) and of when;
 * published, nothing. A seeded catalogue without a stage is a draft unless its status is published.
 */
export function defaultHeader(summary: Pick<CatalogueSummary, 'status' | 'stage'>, at: Date = new Date()): string {
  const stage = summary.stage ?? (summary.status === 'published' ? 'published' : 'draft');
  return stage === 'published' ? '' : `${DRAFT_STAGE_LABELS[stage]}\u3000${chineseDate(at)}`;
}

export async function getPageText(db: Reader, catalogueId: string): Promise<PageTextSetting> {
  const detail = await getCatalogue(db, catalogueId);
  const [row] = await db.all('SELECT header, footer FROM annex_page_text WHERE catalogue_id = $1', [catalogueId]);
  const storedHeader = textOrNull(row?.header);
  const storedFooter = textOrNull(row?.footer);
  const fallback = defaultHeader(detail.summary);
  return {
    header: storedHeader ?? fallback,
    footer: storedFooter ?? '',
    storedHeader,
    storedFooter,
    defaultHeader: fallback,
  };
}

const MAX_LINE = 200;

function clean(value: string | null, what: string): string | null {
  if (value === null) return null;
  checkedCellValue(value, what);
  const line = value.replace(/\s+/gu, (space) => (space.includes('\u3000') ? '\u3000' : ' ')).trim();
  if ([...line].length > MAX_LINE) throw new AppError('bad_request', `${what}最多 ${MAX_LINE} 个字，收到的有 ${[...line].length} 个。`);
  return line;
}

export async function setPageText(tx: Tx, command: SetPageTextCommand, origin: Origin): Promise<{ pageText: PageTextSetting; changeId: number }> {
  const before = await getPageText(tx, command.catalogueId);
  const header = clean(command.header, '页眉');
  const footer = clean(command.footer, '页脚');
  if (header === before.storedHeader && footer === before.storedFooter) return { pageText: before, changeId: 0 };
  await tx.run('DELETE FROM annex_page_text WHERE catalogue_id = $1', [command.catalogueId]);
  if (header !== null || footer !== null) {
    await tx.run('INSERT INTO annex_page_text (catalogue_id, header, footer) VALUES ($1, $2, $3)', [command.catalogueId, header, footer]);
  }
  // The header is part of the catalogue: its stamp moves, as with any edit of it (and with the undo).
  await tx.run('UPDATE catalogues SET updated_at = current_timestamp WHERE id = $1', [command.catalogueId]);
  const inverse: SetPageTextCommand = { ...command, header: before.storedHeader, footer: before.storedFooter };
  const changeId = await logChange(tx, command.catalogueId, command.kind, { ...command, header, footer }, inverse, origin, '修改页眉页脚');
  return { pageText: await getPageText(tx, command.catalogueId), changeId };
}
