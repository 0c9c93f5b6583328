// "Export the annexes": which parts a catalogue (or a plan document) has, what they lack before they
// can be published, and the files, as one workbook (a sheet each) or one file per part.
import type { AnnexKind } from '../../shared/contract';
import { ITEM_FIELDS } from '../../shared/domain/catalogue';
import type { CatalogueDetail } from '../../shared/domain/catalogue';
import { AppError } from '../db/app-error';
import type { Database } from '../db/database';
import { TASK_ANNEX_TITLE, writeAnnexWorkbook } from '../annex/annex-set';
import type { AnnexPart } from '../annex/annex-set';
import { annexFileName } from '../annex/file-name';
import type { PageText } from '../annex/page-format';
import { getCatalogue } from './catalogue-queries';
import { listIndicators } from './reference-queries';
import { listTasks } from './task-queries';

export interface AnnexExport {
  fileName: string;
  bytes: Buffer;
  /** Said to the user with the file: what the annex lacks before it can be published. */
  warning: string | null;
}

/** "2026年11月23日" in Beijing time, as a document is dated. */
export function chineseDate(at: Date): string {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' })
    .format(at)
    .split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** Until a catalogue is published its every page says it is a draft, and of when. */
export function defaultPageText(detail: CatalogueDetail | null, at: Date = new Date()): PageText {
  if (detail === null || detail.summary.status === 'published') return { header: '', footer: '' };
  return { header: `草稿\u3000${chineseDate(at)}`, footer: '' };
}

interface Source {
  detail: CatalogueDetail | null;
  documentId: string | null;
  title: string;
}

async function resolveSource(db: Database, id: string): Promise<Source> {
  const [catalogue] = await db.all('SELECT id FROM catalogues WHERE id = $1', [id]);
  if (catalogue) {
    const detail = await getCatalogue(db, id);
    const [doc] = await db.all('SELECT document_id FROM catalogues WHERE id = $1', [id]);
    return { detail, documentId: (doc?.document_id as string | null) ?? null, title: detail.annexTitle };
  }
  const [document] = await db.all('SELECT id, title FROM documents WHERE id = $1', [id]);
  if (document) return { detail: null, documentId: String(document.id), title: String(document.title) };
  throw new AppError('not_found', `没有编号为“${id}”的清单或规划文件。可用 list 查看清单编号。`);
}

const KIND_NAMES: Record<Exclude<AnnexKind, 'all'>, string> = { catalogue: '清单附件', tasks: '重点任务分工方案', indicators: '主要指标表' };

async function partsOf(db: Database, source: Source, annex: AnnexKind): Promise<{ parts: AnnexPart[]; warnings: string[] }> {
  const parts: AnnexPart[] = [];
  const warnings: string[] = [];
  const wanted = (kind: Exclude<AnnexKind, 'all'>) => annex === 'all' || annex === kind;
  const name = source.detail?.summary.name ?? source.title;
  const missing = (kind: Exclude<AnnexKind, 'all'>, why: string) => {
    if (annex === kind) throw new AppError('refused', `“${name}”${why}，无法导出${KIND_NAMES[kind]}。`);
  };
  const { detail } = source;
  if (wanted('catalogue')) {
    if (detail === null) missing('catalogue', '不是清单');
    else if (detail.items.length === 0) {
      if (annex === 'catalogue') {
        const note = detail.summary.statusNote ? `（${detail.summary.statusNote}）` : '';
        throw new AppError('refused', `“${name}”还没有服务项目，无法导出附件${note}。`);
      }
    }
    else {
      parts.push({ kind: 'catalogue', detail });
      const unfilled = detail.items.filter((i) => ITEM_FIELDS.some((f) => i[f] === null)).length;
      if (detail.summary.status === 'incomplete') warnings.push(`清单内容不全${detail.summary.statusNote ? `：${detail.summary.statusNote}` : ''}`);
      if (unfilled > 0) warnings.push(`${unfilled} 个服务项目尚有未填写的栏目`);
    }
  }
  if (wanted('tasks')) {
    const tasks = detail === null ? [] : await listTasks(db, detail.summary.id);
    if (tasks.length === 0) missing('tasks', '没有重点任务分工方案');
    else parts.push({ kind: 'tasks', label: '附件2', title: TASK_ANNEX_TITLE, tasks });
  }
  if (wanted('indicators')) {
    const table = source.documentId === null ? null : await listIndicators(db, source.documentId);
    if (table === null || table.indicators.length === 0) missing('indicators', '所属规划没有主要指标表');
    else {
      const [doc] = await db.all('SELECT period FROM documents WHERE id = $1', [source.documentId]);
      parts.push({
        kind: 'indicators',
        label: '专栏1',
        source: { title: `“${String(doc?.period ?? '')}”社会发展与公共服务主要指标`, indicators: table.indicators, notes: table.notes },
      });
    }
  }
  if (parts.length === 0) throw new AppError('refused', `“${name}”没有可导出的附件。`);
  return { parts, warnings };
}

function fileNameOf(source: Source, part: AnnexPart | null): string {
  if (part === null || part.kind === 'catalogue') {
    return source.detail ? annexFileName(source.detail) : annexFileName({ annexLabel: '', annexTitle: source.title });
  }
  if (part.kind === 'tasks') return annexFileName({ annexLabel: part.label, annexTitle: `${source.detail?.annexTitle.replace(/清单$/, '') ?? ''}${part.title}` });
  return annexFileName({ annexLabel: part.label, annexTitle: part.source.title });
}

export interface ExportOptions {
  annex: AnnexKind;
  /** One workbook with a sheet per part, or one file per part. */
  layout: 'workbook' | 'separate';
  /** Page header and footer; the catalogue's draft mark and date when omitted. */
  pageText?: Partial<PageText>;
  /** Told before each file is written: which of how many. */
  onProgress?: (done: number, total: number, what: string) => void;
}

export async function exportAnnexes(db: Database, id: string, options: ExportOptions): Promise<AnnexExport[]> {
  const source = await resolveSource(db, id);
  const { parts, warnings } = await partsOf(db, source, options.annex);
  const pageText = { ...defaultPageText(source.detail), ...options.pageText };
  const warning = warnings.length ? `${warnings.join('；')}。发布前请补全。` : null;
  if (options.layout === 'workbook') {
    options.onProgress?.(0, 1, source.title);
    const bytes = await writeAnnexWorkbook(source.title, parts, pageText);
    const fileName = parts.length === 1 ? fileNameOf(source, parts[0]!) : annexFileName({ annexLabel: '全部附件', annexTitle: source.title });
    return [{ fileName, bytes, warning }];
  }
  const files: AnnexExport[] = [];
  for (const [index, part] of parts.entries()) {
    options.onProgress?.(index, parts.length, fileNameOf(source, part));
    files.push({ fileName: fileNameOf(source, part), bytes: await writeAnnexWorkbook(source.title, [part], pageText), warning: part.kind === 'catalogue' ? warning : null });
  }
  return files;
}
