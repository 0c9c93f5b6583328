// A large draft catalogue for the benches: the Hebei items repeated (renamed with their number) over its
// eight 领域, written straight into the tables, so a run needs no hour of typing to reach 1,000 or 5,000 items.
import type { Database } from '../../electron/db/database';

export async function writeRepeatedCatalogue(db: Database, catalogueId: string, name: string, count: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO catalogues (id, name, region_code, region_name, period, start_year, end_year, status, draft_stage, annex_label, annex_title,
         label_item_no, label_name, label_target_group, label_standard, label_funding, label_lead)
       SELECT $1, $2, region_code, region_name, '十五五', 2026, 2030, 'draft', 'draft', annex_label, $2,
         label_item_no, label_name, label_target_group, label_standard, label_funding, label_lead FROM catalogues WHERE id = 'hebei-13th'`,
      [catalogueId, name],
    );
    await tx.run(`INSERT INTO domains (catalogue_id, seq, name) SELECT $1, seq, name FROM domains WHERE catalogue_id = 'hebei-13th'`, [catalogueId]);
    await tx.run(
      `INSERT INTO items (id, catalogue_id, domain_seq, position, name, target_group, standard, funding_responsibility, lead_department)
       SELECT $1 || ':' || lpad(CAST(n + 1 AS VARCHAR), 4, '0'), $1, s.domain_seq, n, s.name || '（' || (n + 1) || '）', s.target_group,
         s.standard, s.funding_responsibility, s.lead_department
       FROM range(${Math.trunc(count)}) r(n)
       JOIN (SELECT *, row_number() OVER (ORDER BY domain_seq, position) - 1 AS k FROM items WHERE catalogue_id = 'hebei-13th') s
         ON s.k = n % 81`,
      [catalogueId],
    );
  });
}
