// The one contract between the renderer and the Node side. Every channel is declared here once, with
// schemas that both hosts (Electron IPC and the local HTTP host) validate requests against.
import { z } from 'zod';
import { DRAFT_STAGES, ITEM_FIELDS, MAX_CELL_CHARS } from './domain/catalogue';
import type { CatalogueDetail, CatalogueItem, CatalogueSummary } from './domain/catalogue';
import type { ReferenceData } from './domain/reference';
import type { PlanIndicator } from './domain/indicator';
import { DRIVER_FIELDS } from './domain/pricing/drivers';
import type { ItemDriver } from './domain/pricing/drivers';
import { COUNTY_CLASSES } from './domain/pricing/regions';
import type { SplitRule } from './domain/pricing/split-rules';
import type { Explanation, ImportReport, PricingItems, PricingSummary, RegionRow, CohortShareRow, CohortCountRow, SuggestionOutcome } from './domain/pricing/results';
import { TASK_FIELDS } from './domain/task';
import { INDICATOR_FIELDS } from './domain/indicator-plan';
import type { IndicatorPlanRow, IndicatorPlanSummary, IndicatorPlanTable } from './domain/indicator-plan';
import type { CatalogueTask } from './domain/task';
import type { HistoryState } from './domain/history';
import type { CatalogueImportPreview } from './domain/catalogue-import/types';
import { VERSION_CHANNEL_ACTIONS, VERSION_FIELD_NAMES, versionRequestSchemas } from './versions-contract';
import type { VersionResponses } from './versions-contract';

const id = z.string().min(1).max(200);
const year = z.number().int().min(2000).max(2100);
const regionCode = z.string().regex(/^\d{6}$/u);
const decimalText = z.string().max(40);

const splitRuleRow = z
  .object({
    countyClass: z.enum(COUNTY_CLASSES).nullable(),
    grade: z.number().int().min(1).max(9).nullable(),
    centralPct: decimalText,
    provincial: decimalText,
    city: decimalText,
    county: decimalText,
  })
  .strict();

/** Files the planner picks travel as base64; 20 MB is far beyond any regions or population table. */
const uploadedFile = { fileName: z.string().min(1).max(260), base64: z.string().max(28_000_000) };

/** The parts of a plan's annex set: 附件1 the catalogue, 附件2 the tasks, the indicator table, or all of them. */
export const ANNEX_KINDS = ['catalogue', 'tasks', 'indicators', 'all'] as const;
export type AnnexKind = (typeof ANNEX_KINDS)[number];
const pageTextLine = z.string().max(200);
const domainSeq = z.number().int().positive();
/** Longer than DOMAIN_NAME_LIMIT, so the command's own Chinese refusal names the length. */
const domainName = z.string().max(1000);

/** A paste of 500 rows of all six columns, and then some. */
export const MAX_PASTE_CELLS = 20_000;
const cellValue = z.string().max(MAX_CELL_CHARS).nullable();
const pasteCell = z.object({ itemId: id, field: z.enum(ITEM_FIELDS), value: cellValue, expected: cellValue }).strict();
const pasteRow = z.object(Object.fromEntries(ITEM_FIELDS.map((f) => [f, cellValue.optional()])) as Record<(typeof ITEM_FIELDS)[number], z.ZodOptional<typeof cellValue>>).strict();


export const requestSchemas = {
  'app.info': z.object({}).strict(),
  'catalogues.list': z.object({}).strict(),
  'catalogues.get': z.object({ catalogueId: id }).strict(),
  /** A new draft copied from a catalogue (or empty, with sourceId null); the period defaults to 十五五. */
  'catalogues.createDraft': z
    .object({
      sourceId: id.nullable(),
      name: z.string().min(1).max(200),
      regionName: z.string().min(1).max(100).optional(),
      period: z.string().min(1).max(20).optional(),
    })
    .strict(),
  'catalogues.setStage': z.object({ catalogueId: id, stage: z.enum(DRAFT_STAGES), expected: z.enum(DRAFT_STAGES) }).strict(),
  'catalogues.rename': z.object({ catalogueId: id, name: z.string().max(1000), expected: z.string().max(1000) }).strict(),
  'items.update': z
    .object({
      itemId: id,
      field: z.enum(ITEM_FIELDS),
      /** null clears the cell back to "not yet filled". */
      value: z.string().max(MAX_CELL_CHARS).nullable(),
      /** The value the editor started from; the write is refused if the stored value differs. */
      expected: z.string().max(MAX_CELL_CHARS).nullable(),
    })
    .strict(),
  'items.get': z.object({ itemId: id }).strict(),
  /** A new row above or below an item, in its domain; or first in a domain (an empty one, from its heading). */
  'items.insert': z.union([
    z.object({ anchorItemId: id, where: z.enum(['above', 'below']) }).strict(),
    z.object({ catalogueId: id, domainSeq }).strict(),
  ]),
  /** Rows deleted together: one undo step. */
  'items.delete': z.object({ itemIds: z.array(id).min(1).max(5000) }).strict(),
  /**
   * One place up or down, across a domain's edge into the next; or several rows (a drag, 移到领域…) put
   * together in domain `domainSeq` at `index` (0-based among that domain's other items): one undo step.
   */
  'items.move': z.union([
    z.object({ itemId: id, direction: z.enum(['up', 'down']) }).strict(),
    z.object({ itemIds: z.array(id).min(1).max(5000), domainSeq: domainSeq, index: z.number().int().min(0) }).strict(),
  ]),
  // ── 领域 (domain-structure.ts) ──
  'domains.insert': z.object({ catalogueId: id, index: z.number().int().min(0), name: domainName }).strict(),
  'domains.rename': z.object({ catalogueId: id, domainSeq, name: domainName, expected: domainName }).strict(),
  'domains.move': z.object({ catalogueId: id, domainSeq, index: z.number().int().min(0), expected: domainName }).strict(),
  /** A domain with items is deleted only with withItems true (the user confirmed); undo brings all back. */
  'domains.delete': z.object({ catalogueId: id, domainSeq, expected: domainName, withItems: z.boolean() }).strict(),
  'history.state': z.object({ catalogueId: id }).strict(),
  'history.undo': z.object({ catalogueId: id }).strict(),
  'history.redo': z.object({ catalogueId: id }).strict(),
  'annex.export': z
    .object({
      catalogueId: id,
      annex: z.enum(ANNEX_KINDS),
      /** One workbook (a sheet each, the default) or one file per part. */
      layout: z.enum(['workbook', 'separate']).optional(),
      /** The page header (the draft mark) and footer; the catalogue's own when omitted. */
      header: pageTextLine.optional(),
      footer: pageTextLine.optional(),
    })
    .strict(),
  'annex.pageText.get': z.object({ catalogueId: id }).strict(),
  /** null returns a line to its default (the draft mark and date for the header, nothing for the footer). */
  'annex.pageText.set': z.object({ catalogueId: id, header: pageTextLine.nullable(), footer: pageTextLine.nullable() }).strict(),
  'indicators.plans': z.object({}).strict(),
  'indicators.plan.get': z.object({ planId: id }).strict(),
  'indicators.plan.create': z.object({ basedOnDocument: id }).strict(),
  'indicators.plan.delete': z.object({ planId: id }).strict(),
  'indicators.plan.update': z
    .object({
      planId: id,
      seq: z.number().int().positive(),
      field: z.enum(INDICATOR_FIELDS),
      value: z.string().max(MAX_CELL_CHARS).nullable(),
      expected: z.string().max(MAX_CELL_CHARS).nullable(),
    })
    .strict(),
  'tasks.list': z.object({ catalogueId: id }).strict(),
  /** A new task above or below the one picked (or the first, in a catalogue with none). */
  'tasks.insert': z.union([
    z.object({ anchorTaskId: id, where: z.enum(['above', 'below']) }).strict(),
    z.object({ catalogueId: id }).strict(),
  ]),
  'tasks.delete': z.object({ taskId: id }).strict(),
  'tasks.update': z
    .object({
      taskId: id,
      field: z.enum(TASK_FIELDS),
      value: z.string().max(MAX_CELL_CHARS),
      expected: z.string().max(MAX_CELL_CHARS),
    })
    .strict(),
  'reference.get': z.object({}).strict(),
  'indicators.list': z.object({ documentId: id }).strict(),
  /** The 测算 rows: all, or only the items named (after their drivers changed). */
  'pricing.items': z.object({ catalogueId: id, itemIds: z.array(id).max(5000).optional() }).strict(),
  'pricing.summary': z.object({ catalogueId: id }).strict(),
  /** Explains one figure: an item (or all items when null) in a region (or the catalogue's) in a year (or all years). */
  'pricing.explain': z
    .object({ catalogueId: id, itemId: id.nullable(), regionCode: regionCode.nullable(), year: year.nullable() })
    .strict(),
  'pricing.setYears': z.object({ catalogueId: id, fromYear: year, toYear: year }).strict(),
  'drivers.update': z
    .object({
      itemId: id,
      field: z.enum(DRIVER_FIELDS),
      value: z.string().max(200).nullable(),
      expected: z.string().max(200).nullable(),
    })
    .strict(),
  /** Takes the suggested drivers and rule for the items (the planner's confirmation), as one change. */
  'drivers.applySuggestions': z.object({ catalogueId: id, itemIds: z.array(id).min(1).max(5000) }).strict(),
  /** A block of driver cells pasted, cut or cleared in the 测算 grid: one transaction, one undo step. */
  'drivers.paste': z
    .object({
      catalogueId: id,
      action: z.enum(['paste', 'cut', 'clear']),
      cells: z
        .array(z.object({ itemId: id, field: z.enum(DRIVER_FIELDS), value: z.string().max(200).nullable(), expected: z.string().max(200).nullable() }).strict())
        .min(1)
        .max(20000),
    })
    .strict(),
  /** The catalogue's drivers as a workbook to fill in Excel or WPS and import again. */
  'drivers.workbook': z.object({ catalogueId: id }).strict(),
  'rules.save': z
    .object({
      id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,60}$/u).nullable(),
      name: z.string().min(1).max(100),
      provinceCode: regionCode.nullable(),
      note: z.string().max(1000).nullable(),
      rows: z.array(splitRuleRow).min(1).max(100),
    })
    .strict(),
  'regions.list': z.object({ rootCode: regionCode }).strict(),
  'regions.update': z
    .object({ code: regionCode, field: z.enum(['countyClass', 'grade', 'growthPct']), value: z.string().max(40).nullable() })
    .strict(),
  'shares.list': z.object({ rootCode: regionCode }).strict(),
  /** The counts imported for a province and every region under it, each cohort and year. */
  'population.list': z.object({ rootCode: regionCode }).strict(),
  /** A cohort as a share of another in a region; `expected` is the share shown (null: adding one). */
  'shares.set': z
    .object({
      regionCode,
      cohort: z.string().max(40),
      baseCohort: z.string().max(40),
      sharePct: z.string().max(20),
      source: z.string().max(200).nullable(),
      expected: z.string().max(20).nullable(),
    })
    .strict(),
  'shares.delete': z.object({ regionCode, cohort: z.string().max(40), expected: z.string().max(20) }).strict(),
  /** Reads a CSV or .xlsx table; with apply false only checks it and says what it would do. */
  'data.import': z
    .object({
      kind: z.enum(['regions', 'population', 'shares', 'rules', 'drivers']),
      catalogueId: id.nullable(),
      ...uploadedFile,
      apply: z.boolean(),
    })
    .strict(),
  // --- catalogue import (导入清单): read and previewed first, then created as a new draft in one undo step ---
  'catalogues.importPreview': z.object({ ...uploadedFile }).strict(),
  'catalogues.import': z
    .object({
      ...uploadedFile,
      name: z.string().min(1).max(200),
      regionName: z.string().min(1).max(100).optional(),
      period: z.string().min(1).max(20).optional(),
    })
    .strict(),
  // Versions, the history panel and comparison (shared/versions-contract.ts).
  ...versionRequestSchemas,
  // ── Clipboard and cell ranges (issue 11) ─────────────────────────────────────────────────────────
  /**
   * A block of cells written as one undo step: a paste (rows added at the end of a domain where the block
   * runs past its last item), a cut, or Delete on a range. All or nothing.
   */
  'items.paste': z
    .object({
      catalogueId: id,
      action: z.enum(['paste', 'cut', 'clear']),
      cells: z.array(pasteCell).max(MAX_PASTE_CELLS),
      newRows: z
        .object({
          /** The item the new rows follow: the last item of the domain the paste started in. */
          afterItemId: id,
          rows: z.array(pasteRow).min(1).max(5000),
        })
        .strict()
        .nullable(),
    })
    .strict(),
} as const;

export type Channel = keyof typeof requestSchemas;
export const CHANNELS = Object.keys(requestSchemas) as Channel[];

export interface AppInfo {
  version: string;
  databasePath: string;
  duckdbVersion: string;
  host: 'electron' | 'browser' | 'cli';
}

export interface ItemUpdateResult {
  item: CatalogueItem;
  /** The change_log entry that recorded the edit. */
  changeId: number;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
  byteLength: number;
  /** What the file lacks before it can be published, in Chinese; null when nothing. */
  warning: string | null;
}

/** A catalogue's page header and footer as the annexes print them, and what the user stored. */
export interface PageTextSetting {
  header: string;
  footer: string;
  /** null: the default is used. */
  storedHeader: string | null;
  storedFooter: string | null;
  defaultHeader: string;
}

/** Where a 领域 now stands after a change (null once deleted). */
export interface DomainChange {
  domainSeq: number | null;
  changeId: number;
}

export interface TaskUpdateResult {
  task: CatalogueTask;
  changeId: number;
}

export interface IndicatorTable {
  indicators: PlanIndicator[];
  /** The table's footnotes, which say what the marks *, **, *** on figures mean. */
  notes: string[];
}

export interface Responses extends VersionResponses {
  'app.info': AppInfo;
  'catalogues.list': CatalogueSummary[];
  'catalogues.get': CatalogueDetail;
  'catalogues.createDraft': CatalogueSummary;
  'catalogues.setStage': CatalogueSummary;
  'catalogues.rename': CatalogueSummary;
  'items.update': ItemUpdateResult;
  'items.get': CatalogueItem;
  'items.insert': CatalogueItem;
  'items.delete': { deleted: number };
  'items.move': CatalogueItem;
  'domains.insert': DomainChange;
  'domains.rename': DomainChange;
  'domains.move': DomainChange;
  'domains.delete': DomainChange;
  'history.state': HistoryState;
  'history.undo': HistoryState;
  'history.redo': HistoryState;
  /** One file (a workbook) or, with layout 'separate', one per part. */
  'annex.export': ExportedFile[];
  'annex.pageText.get': PageTextSetting;
  'annex.pageText.set': PageTextSetting;
  'indicators.plans': IndicatorPlanSummary[];
  'indicators.plan.get': IndicatorPlanTable;
  'indicators.plan.create': IndicatorPlanTable;
  'indicators.plan.delete': { changeId: number };
  'indicators.plan.update': { row: IndicatorPlanRow; changeId: number };
  'tasks.list': CatalogueTask[];
  'tasks.insert': CatalogueTask;
  'tasks.delete': CatalogueTask;
  'tasks.update': TaskUpdateResult;
  'reference.get': ReferenceData;
  'indicators.list': IndicatorTable;
  'pricing.items': PricingItems & ReadAsOf;
  'pricing.summary': PricingSummary & ReadAsOf;
  'pricing.explain': Explanation;
  'pricing.setYears': PricingSummary;
  'drivers.update': Told<ItemDriver>;
  'drivers.applySuggestions': Told<SuggestionOutcome>;
  'drivers.paste': Told<{ changed: number }>;
  'drivers.workbook': ExportedFile;
  'rules.save': SplitRule;
  'regions.list': RegionRow[];
  'regions.update': RegionRow;
  'shares.list': CohortShareRow[];
  'population.list': CohortCountRow[];
  'shares.set': CohortShareRow;
  'shares.delete': null;
  'data.import': ImportReport;
  'catalogues.importPreview': CatalogueImportPreview;
  'catalogues.import': CatalogueSummary;
  // ── Clipboard and cell ranges (issue 11) ──
  'items.paste': PasteResult;
}

export interface PasteResult {
  /** The undo step's name: 粘贴 12 个单元格（新增 2 行）. */
  label: string;
  cells: number;
  /** Ids of the rows added, in order. */
  added: string[];
}

export type Request<C extends Channel> = z.input<(typeof requestSchemas)[C]>;
export type Response<C extends Channel> = Responses[C];

/** Machine-readable error kinds; the message is always a complete Chinese sentence for the user. */
export const ERROR_CODES = [
  'bad_request',
  'not_found',
  'conflict',
  'refused',
  'locked',
  'bad_file',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorPayload {
  code: ErrorCode;
  message: string;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorPayload };

/** What the user was doing, for messages about failures that have no better description. */
export const CHANNEL_ACTIONS: Record<Channel, string> = {
  'app.info': '读取程序信息',
  'catalogues.list': '读取清单列表',
  'catalogues.get': '打开清单',
  'catalogues.createDraft': '新建草案',
  'catalogues.setStage': '设置清单状态',
  'catalogues.rename': '清单改名',
  'items.update': '保存修改',
  'items.get': '读取服务项目',
  'items.insert': '插入行',
  'items.delete': '删除行',
  'items.move': '移动行',
  'domains.insert': '插入领域',
  'domains.rename': '重命名领域',
  'domains.move': '移动领域',
  'domains.delete': '删除领域',
  'history.state': '读取撤销记录',
  'history.undo': '撤销',
  'history.redo': '重做',
  'annex.export': '导出附件',
  'annex.pageText.get': '读取页眉页脚',
  'annex.pageText.set': '保存页眉页脚',
  'indicators.plans': '读取指标表列表',
  'indicators.plan.get': '读取指标表',
  'indicators.plan.create': '新建指标表',
  'indicators.plan.delete': '删除指标表草稿',
  'indicators.plan.update': '保存指标',
  'tasks.list': '读取重点任务',
  'tasks.insert': '插入重点任务',
  'tasks.delete': '删除重点任务',
  'tasks.update': '保存重点任务',
  'reference.get': '读取参考数据',
  'indicators.list': '读取规划指标',
  'pricing.items': '读取测算参数',
  'pricing.summary': '汇总测算结果',
  'pricing.explain': '说明测算过程',
  'pricing.setYears': '设置测算年度',
  'drivers.update': '保存测算参数',
  'drivers.applySuggestions': '采用建议参数',
  'drivers.paste': '粘贴测算参数',
  'drivers.workbook': '导出测算参数表',
  'rules.save': '保存分担规则',
  'regions.list': '读取行政区',
  'regions.update': '修改行政区',
  'shares.list': '读取人群比例',
  'population.list': '读取人群人数',
  'shares.set': '保存人群比例',
  'shares.delete': '删除人群比例',
  'data.import': '导入数据',
  'catalogues.importPreview': '读取要导入的清单',
  'catalogues.import': '导入清单',
  ...VERSION_CHANNEL_ACTIONS,
  // ── Clipboard and cell ranges (issue 11) ──
  'items.paste': '粘贴',
};

/** Request fields as the user knows them. */
export const REQUEST_FIELD_NAMES: Record<string, string> = {
  catalogueId: '清单编号',
  itemId: '服务项目编号',
  field: '栏目',
  value: '内容',
  expected: '修改前的内容',
  annex: '附件种类',
  layout: '导出方式',
  header: '页眉',
  footer: '页脚',
  taskId: '重点任务编号',
  planId: '指标表编号',
  basedOnDocument: '所依据的规划',
  seq: '行号',
  documentId: '文件编号',
  regionCode: '行政区划代码',
  year: '年度',
  fromYear: '起始年度',
  toYear: '截止年度',
  rows: '分担行',
  kind: '导入种类',
  fileName: '文件名',
  itemIds: '服务项目',
  anchorItemId: '所在行',
  sourceId: '所依据的清单',
  name: '名称',
  regionName: '行政区',
  period: '规划期',
  stage: '状态',
  where: '插入位置',
  direction: '移动方向',
  domainSeq: '领域',
  index: '位置',
  withItems: '一并删除服务项目',
  base64: '文件内容',
  ...VERSION_FIELD_NAMES,
  // ── Clipboard and cell ranges (issue 11) ──
  action: '操作',
  cells: '单元格',
  newRows: '新增行',
  afterItemId: '新增行的位置',
};

/**
 * What the Node side says after a change commits, so every open view refreshes just what it shows
 * (totals, a row) without re-reading the model.
 */
export interface ChangeEvent {
  /**
   * The change's number, rising by one with each change a host tells of (and starting from its start time, so
   * a restarted host's numbers run on past the old ones): a read that says it began after it (`asOf`) already
   * holds it, and the event asks for no read of its own.
   */
  seq: number;
  /** The catalogue whose figures changed; null when the change touches every catalogue (a region, a rule). */
  catalogueId: string | null;
  /** 'drivers' with items named: only their drivers and figures changed, no other row, nothing else of theirs. */
  scope: 'items' | 'drivers' | 'costs' | 'regions' | 'rules';
  /** Items whose rows changed, when known. */
  itemIds: string[];
}

/** What a write changed, as the command says it, before the change feed numbers it. */
export type Change = Omit<ChangeEvent, 'seq'>;

/** A read that views refresh on change events: the number of the last change told of before it began. */
export interface ReadAsOf {
  asOf: number;
}

/**
 * A write's result with the number its change was told under (ChangeEvent.seq; 0 where no view is told): the
 * reply and the event are the same news, and the view reads the figures once for whichever comes first.
 */
export interface Told<T> {
  value: T;
  changeSeq: number;
}
