import { CATALOGUE_STATUS_LABELS } from '../../../shared/domain/catalogue';
import type { CatalogueStatus } from '../../../shared/domain/catalogue';
import { PROVENANCE_STATUS_LABELS } from '../../../shared/domain/provenance';
import type { ProvenanceStatus } from '../../../shared/domain/provenance';

export function CatalogueStatusBadge({ status }: { status: CatalogueStatus }) {
  return <span className={`badge badge-${status}`}>{CATALOGUE_STATUS_LABELS[status]}</span>;
}

export function ProvenanceBadge({ status }: { status: ProvenanceStatus }) {
  return <span className={`badge badge-prov-${status}`}>{PROVENANCE_STATUS_LABELS[status]}</span>;
}
