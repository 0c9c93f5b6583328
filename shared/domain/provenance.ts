// Every reference figure carries where it came from and how sure we are of it (seeds/reference/README.md).
export const PROVENANCE_STATUSES = ['sourced', 'derived', 'unverified'] as const;
export type ProvenanceStatus = (typeof PROVENANCE_STATUSES)[number];

export const PROVENANCE_STATUS_LABELS: Record<ProvenanceStatus, string> = {
  sourced: '有出处',
  derived: '推算',
  unverified: '待核实',
};
