// Writes a seed bundle into an empty database in one transaction: all of it or nothing.
import { checkCellText } from '../../shared/domain/cell-text';
import type { Database, Tx } from '../db/database';
import type { IndicatorValue } from '../../shared/domain/indicator';
import type { SeedCatalogue } from '../importers/types';
import type { SeedBundle } from './read-seeds';
import { writePricingSeeds } from './write-pricing-seeds';

/** Gaps between positions leave room to insert rows later without renumbering the neighbours. */
export const POSITION_STEP = 1000;

export function seedItemId(catalogueId: string, sourceItemNo: number): string {
  return `${catalogueId}:${String(sourceItemNo).padStart(3, '0')}`;
}

export async function writeSeeds(db: Database, bundle: SeedBundle): Promise<void> {
  await db.transaction(async (tx) => {
    for (const d of bundle.documents) {
      await tx.run('INSERT INTO documents VALUES ($1, $2, $3, $4, CAST($5 AS DATE), $6, $7, $8, $9)', [
        d.id, d.title, d.issuer, d.docNumber, d.issuedOn, d.period, d.fileName, d.originalFile, d.sha256,
      ]);
    }
    for (const c of bundle.catalogues) await writeCatalogue(tx, c);
    for (const table of bundle.indicatorTables) {
      for (const i of table.indicators) {
        await tx.run(
          `INSERT INTO plan_indicators VALUES ($1, $2, $3, $4, $5, $6, ${valueSql(7)}, $12, ${valueSql(13)}, $18)`,
          [
            table.documentId, i.seq, i.category, i.name, i.nameMarks,
            i.baselineYear, ...valueParams(i.baseline),
            i.targetYear, ...valueParams(i.target),
            i.attribute,
          ],
        );
      }
      for (const [index, note] of table.notes.entries()) {
        await tx.run('INSERT INTO plan_indicator_notes VALUES ($1, $2, $3)', [table.documentId, index + 1, note]);
      }
    }
    await writeReference(tx, bundle);
    await writePricingSeeds(tx);
    await tx.run(`INSERT INTO app_meta VALUES ('seeded_at', CAST(current_timestamp AS VARCHAR))`);
  });
}

/** The reference tables (tiers, census, national standards), each row with its source and status. */
export async function writeReference(tx: Tx, bundle: Pick<SeedBundle, 'fiscalTiers' | 'population' | 'nationalStandards'>): Promise<void> {
  for (const t of bundle.fiscalTiers) {
    await tx.run('INSERT INTO ref_fiscal_tiers VALUES ($1, $2, $3, CAST($4 AS DECIMAL(5,2)), $5, $6)', [
      t.provinceCode, t.province, t.tier, t.centralSharePct, t.source, t.status,
    ]);
  }
  for (const p of bundle.population) {
    await tx.run(
      `INSERT INTO ref_population VALUES ($1, $2, $3, $4, DATE '2020-11-01', $5,
        CAST($6 AS DECIMAL(5,2)), CAST($7 AS DECIMAL(5,2)), CAST($8 AS DECIMAL(5,2)), CAST($9 AS DECIMAL(5,2)), $10, $11)`,
      [
        p.regionCode, p.region, p.parentCode, p.level, p.population,
        p.share0to14Pct, p.share15to59Pct, p.share60PlusPct, p.share65PlusPct, p.source, p.status,
      ],
    );
  }
  for (const n of bundle.nationalStandards) {
    await tx.run('INSERT INTO ref_national_standards VALUES ($1, $2, $3, $4, CAST($5 AS DECIMAL(18,2)), $6, $7)', [
      n.standard, n.unit, n.year, n.amountText, n.amount, n.source, n.status,
    ]);
  }
}

function valueSql(first: number): string {
  return `$${first}, CAST($${first + 1} AS DECIMAL(18,4)), $${first + 2}, $${first + 3}, $${first + 4}`;
}
function valueParams(v: IndicatorValue): (string | boolean | null)[] {
  return [v.raw, v.value, v.comparator, v.percent, v.marks];
}

async function writeCatalogue(tx: Tx, c: SeedCatalogue): Promise<void> {
  const l = c.columnLabels;
  await tx.run(
    `INSERT INTO catalogues (id, name, region_code, region_name, period, start_year, end_year, status, status_note,
       stated_item_count, document_id, annex_label, annex_title, label_item_no, label_name, label_target_group,
       label_standard, label_funding, label_lead)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [
      c.id, c.name, c.regionCode, c.regionName, c.period, c.startYear, c.endYear, c.status, c.statusNote,
      c.statedItemCount, c.documentId, c.annexLabel, c.annexTitle,
      l.itemNo, l.name, l.targetGroup, l.standard, l.fundingResponsibility, l.leadDepartment,
    ],
  );
  for (const [d, domain] of c.domains.entries()) {
    const seq = d + 1;
    await tx.run('INSERT INTO domains VALUES ($1, $2, $3, $4)', [c.id, seq, domain.name, domain.statedItemCount]);
    for (const [i, item] of domain.items.entries()) {
      const where = `种子清单 ${c.id} 第 ${item.sourceItemNo} 项`;
      const name = seedCellText(item.name, `${where}的服务项目`);
      const targetGroup = seedCellText(item.targetGroup, `${where}的服务对象`);
      const standard = seedCellText(item.standard, `${where}的服务标准`);
      const funding = seedCellText(item.fundingResponsibility, `${where}的支出责任`);
      const lead = seedCellText(item.leadDepartment, `${where}的牵头负责单位`);
      if (name === null) throw new Error(`${where}的服务项目为空`);
      await tx.run(
        `INSERT INTO items (id, catalogue_id, domain_seq, position, source_item_no, name, target_group, standard,
           funding_responsibility, lead_department) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          seedItemId(c.id, item.sourceItemNo), c.id, seq, (i + 1) * POSITION_STEP, item.sourceItemNo, name,
          targetGroup, standard, funding, lead,
        ],
      );
    }
  }
  for (const t of c.tasks) {
    await tx.run('INSERT INTO tasks VALUES ($1, $2, $3, $4, $5)', [
      `${c.id}:task-${String(t.taskNo).padStart(2, '0')}`, c.id, t.taskNo,
      seedCellText(t.task, `种子清单 ${c.id} 重点任务第 ${t.taskNo} 条`),
      seedCellText(t.responsibleUnits, `种子清单 ${c.id} 重点任务第 ${t.taskNo} 条的责任单位`),
    ]);
  }
  await tx.run(
    `INSERT INTO change_log (catalogue_id, command, payload, inverse, origin) VALUES ($1, 'catalogue.seed', $2, NULL, 'seed')`,
    [c.id, JSON.stringify({ documentId: c.documentId, items: c.domains.reduce((n, d) => n + d.items.length, 0) })],
  );
}

/** Seeds obey the same cell-text rule as edits; a file that breaks it is refused as a whole. */
function seedCellText(text: string | null, where: string): string | null {
  const checked = checkCellText(text);
  if (!checked.ok) throw new Error(`${where}：${checked.reason}`);
  return checked.text;
}
