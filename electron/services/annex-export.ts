// "Export the annexes": which parts a catalogue (or a plan document) has, what they lack before they
// can be published, and the files, as one workbook (a sheet each) or one file per part.
import { domainHeading } from '../../shared/domain/numerals';
import type { AnnexKind } from '../../shared/contract';
import { ITEM_FIELDS } from '../../shared/domain/catalogue';
import type { CatalogueDetail } from '../../shared/domain/catalogue';
import { AppError } from '../db/app-error';
import type { Database } from '../db/database';
import { TASK_ANNEX_TITLE, writeAnnexWorkbook } from '../annex/annex-set';
import type { AnnexPart } from '../annex/annex-set';
import { annexFileName } from '../annex/file-name';
import { NEW_ITEM_NAME } from './structure-requests';
import { NEW_TASK_TEXT } from './task-commands';
import type { PageText } from '../annex/page-format';
import { getCatalogue } from './catalogue-queries';
import { getIndicatorPlan, listIndicatorPlans } from './indicator-plans';
import { getPageText } from './page-text';
import { listTasks } from './task-queries';

export interface AnnexExport {
  fileName: string;
  bytes: Buffer;
  /** Said to the user with the file: what the annex lacks before it can be published. */
  warning: string | null;
}

interface Source {
  detail: CatalogueDetail | null;
  /** The indicator table that goes with it: the catalogue's plan document's, or the one asked for. */
  indicatorPlanId: string | null;
  title: string;
}

/** An id names a catalogue, or an indicator table (a plan document's, or a draft for a new plan). */
async function resolveSource(db: Database, id: string): Promise<Source> {
  const plans = await listIndicatorPlans(db);
  const [catalogue] = await db.all('SELECT id, document_id FROM catalogues WHERE id = $1', [id]);
  if (catalogue) {
    const detail = await getCatalogue(db, id);
    const documentId = (catalogue.document_id as string | null) ?? null;
    return { detail, indicatorPlanId: plans.some((p) => p.id === documentId) ? documentId : null, title: detail.annexTitle };
  }
  const plan = plans.find((p) => p.id === id);
  if (plan) return { detail: null, indicatorPlanId: plan.id, title: plan.title };
  throw new AppError('not_found', `没有编号为“${id}”的清单或指标表。可用 list 查看清单编号。`);
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
      const unfilled = detail.items.filter((i) => ITEM_FIELDS.some((f) => i[f] === null));
      if (detail.summary.status === 'incomplete') warnings.push(`清单内容不全${detail.summary.statusNote ? `：${detail.summary.statusNote}` : ''}`);
      // Named when few enough to find (a row inserted and not yet written); a whole unfinished catalogue is counted.
      if (unfilled.length > 0) warnings.push(`${unfilled.length} 个服务项目尚有未填写的栏目${unfilled.length <= 5 ? `（${unfilled.map((i) => `第${i.itemNo}项`).join('、')}）` : ''}`);
      // A row inserted and left with its placeholder name would print it as an item.
      const unnamed = detail.items.filter((i) => i.name === NEW_ITEM_NAME);
      if (unnamed.length) warnings.push(`${unnamed.map((i) => `第${i.itemNo}项`).join('、')}的服务项目名称还是插入时的“${NEW_ITEM_NAME}”`);
      // An empty 领域 prints as a heading with nothing under it: exported, but said.
      const empty = detail.domains.filter((d) => !detail.items.some((i) => i.domainSeq === d.seq));
      if (empty.length) warnings.push(`领域${empty.map((d) => `“${domainHeading(d.seq, d.name)}”`).join('、')}没有服务项目`);
    }
  }
  if (wanted('tasks')) {
    const tasks = detail === null ? [] : await listTasks(db, detail.summary.id);
    if (tasks.length === 0) missing('tasks', '没有重点任务分工方案');
    else parts.push({ kind: 'tasks', label: '附件2', title: TASK_ANNEX_TITLE, tasks });
    // A task inserted and left as it was would print its placeholder words.
    const unwritten = tasks.filter((t) => t.task === NEW_TASK_TEXT.task || t.responsibleUnits === NEW_TASK_TEXT.responsibleUnits);
    if (unwritten.length) warnings.push(`${unwritten.map((t) => `第${t.taskNo}项`).join('、')}重点任务还没有填写（仍是插入时的“${NEW_TASK_TEXT.task}”或“${NEW_TASK_TEXT.responsibleUnits}”）`);
  }
  if (wanted('indicators')) {
    const table = source.indicatorPlanId === null ? null : await getIndicatorPlan(db, source.indicatorPlanId);
    if (table === null || table.rows.length === 0) missing('indicators', '所属规划没有主要指标表');
    else {
      const { plan } = table;
      parts.push({
        kind: 'indicators',
        label: '专栏1',
        source: { title: plan.title, baselineYear: plan.baselineYear, targetYear: plan.targetYear, rows: table.rows, notes: table.notes },
      });
      if (plan.source === 'draft' && table.rows.some((row) => row.target === null)) {
        warnings.push(`指标表尚有 ${table.rows.filter((row) => row.target === null).length} 项未填目标值`);
      }
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
  const stored = source.detail === null ? { header: '', footer: '' } : await getPageText(db, source.detail.summary.id);
  const pageText = { header: stored.header, footer: stored.footer, ...options.pageText };
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
    files.push({ fileName: fileNameOf(source, part), bytes: await writeAnnexWorkbook(source.title, [part], pageText), warning: index === 0 ? warning : null });
  }
  return files;
}
