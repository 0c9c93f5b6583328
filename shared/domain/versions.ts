// Named versions of a catalogue (征求意见稿 2026-03-01 …): what was saved, when, and how to name one.
import { DRAFT_STAGE_LABELS } from './catalogue';
import type { CatalogueDetail, DraftStage } from './catalogue';

export interface VersionSummary {
  /** "<catalogue id>@<number>": also how the CLI and the 对照 view name a version. */
  id: string;
  catalogueId: string;
  number: number;
  name: string;
  /** The catalogue's stage when the version was saved. */
  stage: DraftStage | null;
  itemCount: number;
  /** ISO time of the save. */
  savedAt: string;
}

/** A version opened read-only: the same shape as a catalogue, so the same grid and annex writer serve it. */
export interface VersionDetail {
  version: VersionSummary;
  detail: CatalogueDetail;
}

/** The separator between a catalogue's id and a version's number in a reference ("draft-1a2b@2"). */
export const VERSION_SEPARATOR = '@';

/** Splits "draft-1a2b@2" into its catalogue and version number; a plain catalogue id has no number. */
export function parseSideRef(ref: string): { catalogueId: string; version: string | null } {
  const at = ref.lastIndexOf(VERSION_SEPARATOR);
  return at <= 0 ? { catalogueId: ref, version: null } : { catalogueId: ref.slice(0, at), version: ref.slice(at + 1) };
}

/** The documents' time zone: a version saved at 01:00 in Beijing is of that day, wherever the machine's clock is set. */
export const DOCUMENT_TIME_ZONE = 'Asia/Shanghai';

/** "2026-03-01" in Beijing. */
export function documentDate(moment: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: DOCUMENT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment);
}

/** "征求意见稿 2026-03-01": the stage a version is saved at and the day, as planners name them. */
export function defaultVersionName(stage: DraftStage | null, moment: Date): string {
  return `${stage ? DRAFT_STAGE_LABELS[stage] : '版本'} ${documentDate(moment)}`;
}
