import { CATALOGUE_STATUS_LABELS, DRAFT_STAGE_LABELS } from '../../../shared/domain/catalogue';
import type { CatalogueStatus, DraftStage } from '../../../shared/domain/catalogue';
import { PROVENANCE_STATUS_LABELS } from '../../../shared/domain/provenance';
import type { ProvenanceStatus } from '../../../shared/domain/provenance';

/** A draft shows its stage (征求意见稿, 送审稿 …); other catalogues their status. */
export function CatalogueStatusBadge({ status, stage }: { status: CatalogueStatus; stage?: DraftStage | null | undefined }) {
  return <span className={`badge badge-${status}`}>{stage ? DRAFT_STAGE_LABELS[stage] : CATALOGUE_STATUS_LABELS[status]}</span>;
}

export function ProvenanceBadge({ status }: { status: ProvenanceStatus }) {
  return <span className={`badge badge-prov-${status}`}>{PROVENANCE_STATUS_LABELS[status]}</span>;
}
