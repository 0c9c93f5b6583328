// The channels of named versions, the history panel and comparison (issue 11), declared here and spread
// into shared/contract.ts, so the contract stays one map while these stay together.
import { z } from 'zod';
import type { Comparison } from './domain/compare';
import type { ItemHistory } from './domain/item-history';
import type { VersionDetail, VersionSummary } from './domain/versions';
import type { ExportedFile } from './contract';

const id = z.string().min(1).max(200);
/** A catalogue id, or a saved version as "<catalogue id>@<number>". */
const sideRef = z.string().min(1).max(300);

export const versionRequestSchemas = {
  'versions.list': z.object({ catalogueId: id }).strict(),
  /** Without a name: the stage and today's date ("征求意见稿 2026-03-01"). */
  'versions.save': z.object({ catalogueId: id, name: z.string().max(100).optional() }).strict(),
  'versions.get': z.object({ versionId: sideRef }).strict(),
  'versions.delete': z.object({ versionId: sideRef }).strict(),
  /** The version's 附件1 as it was saved. */
  'versions.export': z.object({ versionId: sideRef }).strict(),
  /** One item's changes, newest first (the panel filters them to a cell). */
  'history.item': z.object({ itemId: id }).strict(),
  'compare.run': z.object({ before: sideRef, after: sideRef }).strict(),
  'compare.export': z.object({ before: sideRef, after: sideRef }).strict(),
} as const;

export interface VersionResponses {
  'versions.list': VersionSummary[];
  'versions.save': VersionSummary;
  'versions.get': VersionDetail;
  'versions.delete': { changeId: number };
  'versions.export': ExportedFile;
  'history.item': ItemHistory;
  'compare.run': Comparison;
  'compare.export': ExportedFile;
}

export const VERSION_CHANNEL_ACTIONS: Record<keyof typeof versionRequestSchemas, string> = {
  'versions.list': '读取版本列表',
  'versions.save': '保存版本',
  'versions.get': '打开版本',
  'versions.delete': '删除版本',
  'versions.export': '导出版本的附件',
  'history.item': '读取修改历史',
  'compare.run': '对照清单',
  'compare.export': '导出对照表',
};

export const VERSION_FIELD_NAMES: Record<string, string> = { versionId: '版本', before: '原文一方', after: '修改后一方' };
