// What the seed importers produce from the plan documents, before it is written to the database.
import type { CatalogueStatus, ColumnLabels } from '../../shared/domain/catalogue';
import type { PlanIndicator } from '../../shared/domain/indicator';

export interface SeedDocument {
  id: string;
  title: string;
  issuer: string | null;
  docNumber: string | null;
  /** ISO date, where the document gives one. */
  issuedOn: string | null;
  period: string;
  /** File under seeds/documents/. */
  fileName: string;
  /** Name of the original seed file it was copied from (seeds/documents/README.md). */
  originalFile: string;
}

export interface SeedItem {
  /** The number the document prints (Hebei 1..81; Henan 第1—82项). */
  sourceItemNo: number;
  name: string;
  /** null = the document does not give it (not yet filled). */
  targetGroup: string | null;
  standard: string | null;
  fundingResponsibility: string | null;
  leadDepartment: string | null;
}

export interface SeedDomain {
  name: string;
  statedItemCount: number | null;
  items: SeedItem[];
}

export interface SeedTask {
  taskNo: number;
  task: string;
  responsibleUnits: string;
}

export interface SeedCatalogue {
  id: string;
  name: string;
  regionCode: string | null;
  regionName: string;
  period: string;
  startYear: number;
  endYear: number;
  status: CatalogueStatus;
  statusNote: string | null;
  statedItemCount: number | null;
  documentId: string;
  columnLabels: ColumnLabels;
  annexLabel: string;
  annexTitle: string;
  domains: SeedDomain[];
  tasks: SeedTask[];
}

export interface SeedIndicatorTable {
  documentId: string;
  indicators: PlanIndicator[];
  notes: string[];
}
