// The one contract between the renderer and the Node side. Every channel is declared here once, with
// schemas that both hosts (Electron IPC and the local HTTP host) validate requests against.
import { z } from 'zod';
import { ITEM_FIELDS, MAX_CELL_CHARS } from './domain/catalogue';
import type { CatalogueDetail, CatalogueItem, CatalogueSummary } from './domain/catalogue';
import type { ReferenceData } from './domain/reference';
import type { PlanIndicator } from './domain/indicator';
import { DRIVER_FIELDS } from './domain/pricing/drivers';
import type { ItemDriver } from './domain/pricing/drivers';
import { COUNTY_CLASSES } from './domain/pricing/regions';
import type { SplitRule } from './domain/pricing/split-rules';
import type { Explanation, ImportReport, PricingItems, PricingSummary, RegionRow } from './domain/pricing/results';

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


export const requestSchemas = {
  'app.info': z.object({}).strict(),
  'catalogues.list': z.object({}).strict(),
  'catalogues.get': z.object({ catalogueId: id }).strict(),
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
  'annex.export': z.object({ catalogueId: id, annex: z.literal('catalogue') }).strict(),
  'reference.get': z.object({}).strict(),
  'indicators.list': z.object({ documentId: id }).strict(),
  'pricing.items': z.object({ catalogueId: id }).strict(),
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
  /** Reads a CSV or .xlsx table; with apply false only checks it and says what it would do. */
  'data.import': z
    .object({
      kind: z.enum(['regions', 'population', 'rules', 'drivers']),
      catalogueId: id.nullable(),
      ...uploadedFile,
      apply: z.boolean(),
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

export interface IndicatorTable {
  indicators: PlanIndicator[];
  /** The table's footnotes, which say what the marks *, **, *** on figures mean. */
  notes: string[];
}

export interface Responses {
  'app.info': AppInfo;
  'catalogues.list': CatalogueSummary[];
  'catalogues.get': CatalogueDetail;
  'items.update': ItemUpdateResult;
  'items.get': CatalogueItem;
  'annex.export': ExportedFile;
  'reference.get': ReferenceData;
  'indicators.list': IndicatorTable;
  'pricing.items': PricingItems;
  'pricing.summary': PricingSummary;
  'pricing.explain': Explanation;
  'pricing.setYears': PricingSummary;
  'drivers.update': ItemDriver;
  'drivers.applySuggestions': { applied: number };
  'rules.save': SplitRule;
  'regions.list': RegionRow[];
  'regions.update': RegionRow;
  'data.import': ImportReport;
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
  'items.update': '保存修改',
  'items.get': '读取服务项目',
  'annex.export': '导出附件',
  'reference.get': '读取参考数据',
  'indicators.list': '读取规划指标',
  'pricing.items': '读取测算参数',
  'pricing.summary': '汇总测算结果',
  'pricing.explain': '说明测算过程',
  'pricing.setYears': '设置测算年度',
  'drivers.update': '保存测算参数',
  'drivers.applySuggestions': '采用建议参数',
  'rules.save': '保存分担规则',
  'regions.list': '读取行政区',
  'regions.update': '修改行政区',
  'data.import': '导入数据',
};

/** Request fields as the user knows them. */
export const REQUEST_FIELD_NAMES: Record<string, string> = {
  catalogueId: '清单编号',
  itemId: '服务项目编号',
  field: '栏目',
  value: '内容',
  expected: '修改前的内容',
  annex: '附件种类',
  documentId: '文件编号',
  regionCode: '行政区划代码',
  year: '年度',
  fromYear: '起始年度',
  toYear: '截止年度',
  rows: '分担行',
  kind: '导入种类',
  fileName: '文件名',
  itemIds: '服务项目',
};

/**
 * What the Node side says after a change commits, so every open view refreshes just what it shows
 * (totals, a row) without re-reading the model.
 */
export interface ChangeEvent {
  /** The catalogue whose figures changed; null when the change touches every catalogue (a region, a rule). */
  catalogueId: string | null;
  scope: 'items' | 'drivers' | 'costs' | 'regions' | 'rules';
  /** Items whose rows changed, when known. */
  itemIds: string[];
}
