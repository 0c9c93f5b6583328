// Drafting a new catalogue: a copy of any catalogue (or an empty one with the national domains), its
// items keeping a lineage id to the item each came from, its drivers with keys of their own; the source
// is never touched. A draft then moves through its stages to 已发布, after which the grid is read-only.
import { randomUUID } from 'node:crypto';
import { DEFAULT_COLUMN_LABELS, DEFAULT_DRAFT_PERIOD, DRAFT_STAGE_LABELS, DRAFT_STAGES, PERIOD_YEARS, periodYears } from '../../shared/domain/catalogue';
import type { DraftStage } from '../../shared/domain/catalogue';
import type { CreateDraftCommand, DeleteDraftCommand, RenameCatalogueCommand, SetStageCommand } from '../../shared/domain/commands';
import { AppError } from '../db/app-error';
import type { Tx } from '../db/database';
import { repriceItems } from '../pricing/reprice';
import { getCatalogue } from './catalogue-queries';
import type { CatalogueSummary } from '../../shared/domain/catalogue';
import { checkedCellValue } from './cell-value';
import { logChange } from './change-log';
import type { Origin } from './commands';
import { regionCodeOfName } from '../pricing/regions-store';

/** The catalogue whose domains an empty draft starts with. */
const NATIONAL = 'national-13th';

export function newDraftId(): string {
  return `draft-${randomUUID().slice(0, 8)}`;
}

/** The request as the app and the CLI make it: a new id, the source's region, the period's years. */
export async function draftCommand(
  db: Pick<Tx, 'all'>,
  request: { sourceId: string | null; name: string; period?: string | undefined; regionName?: string | undefined; regionCode?: string | null | undefined },
): Promise<CreateDraftCommand> {
  const period = request.period ?? DEFAULT_DRAFT_PERIOD.period;
  const years = periodYears(period);
  if (!years) throw new AppError('bad_request', `不认识的规划期“${period}”：应为 ${Object.keys(PERIOD_YEARS).join('、')} 之一，没有新建草案。`);
  const source = request.sourceId === null ? null : (await getCatalogue(db, request.sourceId)).summary;
  const regionName = request.regionName ?? source?.regionName ?? '全国';
  // The region priced: as given, else the source's for the source's region, else the one the name names.
  const regionCode =
    request.regionCode !== undefined ? request.regionCode : source && regionName === source.regionName ? source.regionCode : await regionCodeOfName(db, regionName);
  return {
    kind: 'catalogue.createDraft',
    catalogueId: newDraftId(),
    sourceId: source?.id ?? null,
    name: request.name,
    regionName,
    regionCode,
    period,
    ...years,
  };
}

/** `hebei-13th:003` in the draft `draft-1a2b` is `draft-1a2b:003`: the same tail, so a copy is easy to find. */
const mappedId = (column: string) => `$1 || ':' || CASE WHEN starts_with(${column}, $2 || ':') THEN substr(${column}, length($2) + 2) ELSE ${column} END`;

export async function createDraft(tx: Tx, command: CreateDraftCommand, origin: Origin): Promise<{ summary: CatalogueSummary; changeId: number }> {
  const name = checkedCellValue(command.name, '草案名称');
  if (name === null) throw new AppError('refused', '草案名称不能为空，没有新建草案。请填写名称后再试。');
  const regionName = checkedCellValue(command.regionName, '草案的行政区');
  if (regionName === null) throw new AppError('refused', '草案的行政区不能为空，没有新建草案。');
  const period = checkedCellValue(command.period, '草案的规划期');
  if (period === null) throw new AppError('refused', '草案的规划期不能为空，没有新建草案。');
  if (command.endYear < command.startYear || command.endYear - command.startYear >= 20) {
    throw new AppError('refused', `规划期的年度应从早到晚且不超过 20 年，收到 ${command.startYear}—${command.endYear}，没有新建草案。`);
  }
  const [taken] = await tx.all('SELECT 1 AS ok FROM catalogues WHERE id = $1', [command.catalogueId]);
  if (taken) throw new AppError('conflict', `编号为“${command.catalogueId}”的清单已经存在，没有新建草案。`);
  const source = command.sourceId === null ? null : (await getCatalogue(tx, command.sourceId)).summary;
  const values = [command.catalogueId, name, command.regionCode, regionName, period, command.startYear, command.endYear, source?.id ?? null];
  if (source) {
    await tx.run(
      `INSERT INTO catalogues (id, name, region_code, region_name, period, start_year, end_year, status, draft_stage, based_on,
         annex_label, annex_title, label_item_no, label_name, label_target_group, label_standard, label_funding, label_lead)
       SELECT $1, $2, $3, $4, $5, $6, $7, 'draft', 'draft', $8, annex_label, $2, label_item_no, label_name, label_target_group,
         label_standard, label_funding, label_lead
       FROM catalogues WHERE id = $8`,
      values,
    );
  } else {
    const l = DEFAULT_COLUMN_LABELS;
    await tx.run(
      `INSERT INTO catalogues (id, name, region_code, region_name, period, start_year, end_year, status, draft_stage, based_on,
         annex_label, annex_title, label_item_no, label_name, label_target_group, label_standard, label_funding, label_lead)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'draft', 'draft', $8, '附件1', $2, $9, $10, $11, $12, $13, $14)`,
      [...values, l.itemNo, l.name, l.targetGroup, l.standard, l.fundingResponsibility, l.leadDepartment],
    );
  }
  const from = source?.id ?? NATIONAL;
  await tx.run('INSERT INTO domains (catalogue_id, seq, name) SELECT $1, seq, name FROM domains WHERE catalogue_id = $2', [command.catalogueId, from]);
  if (source) {
    const ids = [command.catalogueId, source.id];
    await tx.run(
      `INSERT INTO items (id, catalogue_id, domain_seq, position, name, target_group, standard, funding_responsibility, lead_department, lineage_id)
       SELECT ${mappedId('id')}, $1, domain_seq, position, name, target_group, standard, funding_responsibility, lead_department, id
       FROM items WHERE catalogue_id = $2`,
      ids,
    );
    // New keys (the column's default): a cost line always belongs to exactly one catalogue's item.
    await tx.run(
      `INSERT INTO item_drivers (item_id, cohort, coverage, unit_amount, unit, periods_per_year, base_year, yearly_change, split_rule_id, central_pct)
       SELECT ${mappedId('d.item_id')}, d.cohort, d.coverage, d.unit_amount, d.unit, d.periods_per_year, d.base_year, d.yearly_change, d.split_rule_id, d.central_pct
       FROM item_drivers d JOIN items i ON i.id = d.item_id WHERE i.catalogue_id = $2`,
      ids,
    );
    await tx.run(
      `INSERT INTO tasks (id, catalogue_id, task_no, task, responsible_units)
       SELECT ${mappedId('id')}, $1, task_no, task, responsible_units FROM tasks WHERE catalogue_id = $2`,
      ids,
    );
  }
  await tx.run('INSERT INTO pricing_settings (catalogue_id, from_year, to_year) VALUES ($1, $2, $3)', [command.catalogueId, command.startYear, command.endYear]);
  const priced = await tx.all('SELECT d.item_id FROM item_drivers d JOIN items i ON i.id = d.item_id WHERE i.catalogue_id = $1', [command.catalogueId]);
  if (priced.length) await repriceItems(tx, priced.map((r) => String(r.item_id)));
  const inverse: DeleteDraftCommand = { kind: 'catalogue.deleteDraft', catalogueId: command.catalogueId };
  const changeId = await logChange(tx, command.catalogueId, command.kind, { ...command, name, regionName, period }, inverse, origin);
  return { summary: (await getCatalogue(tx, command.catalogueId)).summary, changeId };
}

export async function deleteDraft(tx: Tx, command: DeleteDraftCommand, origin: Origin): Promise<{ changeId: number }> {
  const { summary } = await getCatalogue(tx, command.catalogueId);
  if (summary.status !== 'draft') {
    throw new AppError('refused', `“${summary.name}”不是草案，不能删除。`);
  }
  const id = command.catalogueId;
  await tx.run('DELETE FROM cost_lines WHERE item_key IN (SELECT d.key FROM item_drivers d JOIN items i ON i.id = d.item_id WHERE i.catalogue_id = $1)', [id]);
  await tx.run('DELETE FROM item_drivers WHERE item_id IN (SELECT id FROM items WHERE catalogue_id = $1)', [id]);
  // The domains stay with the hidden catalogue row (see migration 004).
  for (const table of ['items', 'tasks', 'pricing_settings', 'annex_page_text', 'history_groups']) {
    await tx.run(`DELETE FROM ${table} WHERE catalogue_id = $1`, [id]);
  }
  await tx.run('UPDATE catalogues SET removed_at = current_timestamp WHERE id = $1', [id]);
  // A deleted draft cannot be brought back from the log: its items are not kept there.
  return { changeId: await logChange(tx, id, command.kind, command, null, origin) };
}

export async function setStage(tx: Tx, command: SetStageCommand, origin: Origin): Promise<{ summary: CatalogueSummary; changeId: number }> {
  const { summary } = await getCatalogue(tx, command.catalogueId);
  const current: DraftStage | null = summary.stage ?? null;
  if (current === 'published') {
    throw new AppError('refused', `“${summary.name}”已发布，不能再改动；如需修改，请基于它新建草案。`);
  }
  if (current !== command.expected) {
    const shown = current === null ? '内容不全' : DRAFT_STAGE_LABELS[current];
    throw new AppError('conflict', `“${summary.name}”的状态已被改为“${shown}”（可能是在另一个窗口），没有改动。请刷新后再试。`);
  }
  if (command.stage === current) return { summary, changeId: 0 };
  await tx.run(
    `UPDATE catalogues SET status = $1, draft_stage = $2, updated_at = current_timestamp WHERE id = $3`,
    [command.stage === 'published' ? 'published' : 'draft', command.stage === 'published' ? null : command.stage, command.catalogueId],
  );
  if (command.stage === 'published') {
    // A published annex carries no stage mark: a header the planner wrote naming one (送审稿…) goes with it.
    const marks = DRAFT_STAGES.filter((s) => s !== 'published').map((s) => DRAFT_STAGE_LABELS[s]).join('|');
    await tx.run(`UPDATE annex_page_text SET header = NULL WHERE catalogue_id = $1 AND regexp_matches(header, $2)`, [command.catalogueId, `^(${marks})`]);
  }
  const inverse: SetStageCommand = { ...command, stage: command.expected, expected: command.stage };
  const changeId = await logChange(tx, command.catalogueId, command.kind, command, inverse, origin);
  return { summary: (await getCatalogue(tx, command.catalogueId)).summary, changeId };
}

/** Longest name a catalogue may have: one line of an annex's title. */
const MAX_NAME_CHARS = 100;

/**
 * A catalogue renamed (a draft's "（草案）" dropped before it is published, say). The annex prints the new name as
 * its title where it printed the old one; a title set apart from the name (a seeded catalogue's) stays.
 */
export async function renameCatalogue(tx: Tx, command: RenameCatalogueCommand, origin: Origin): Promise<{ summary: CatalogueSummary; changeId: number }> {
  const { summary } = await getCatalogue(tx, command.catalogueId);
  // A name of invisible characters alone (a zero-width space) is as empty as none.
  const name = checkedCellValue(command.name.replace(/\s+/gu, ' ').trim(), '清单名称')?.trim() ?? '';
  if (name === '') throw new AppError('refused', '清单名称不能为空，没有改名。');
  if ([...name].length > MAX_NAME_CHARS) throw new AppError('refused', `清单名称最多 ${MAX_NAME_CHARS} 个字，收到的有 ${[...name].length} 个，没有改名。`);
  if (summary.name !== command.expected) {
    throw new AppError('conflict', `清单名称已被改为“${summary.name}”（可能是在另一个窗口），没有改名。请刷新后再试。`);
  }
  if (name === summary.name) return { summary, changeId: 0 };
  const [row] = await tx.all('SELECT annex_title FROM catalogues WHERE id = $1', [command.catalogueId]);
  const title = row?.annex_title === null || row?.annex_title === undefined ? null : String(row.annex_title);
  // An undo gives the title it had back exactly (it may have been apart from the name, and equal to the new one).
  const annexTitle = command.annexTitle !== undefined ? command.annexTitle : title === summary.name ? name : title;
  await tx.run(`UPDATE catalogues SET annex_title = $1, name = $2, updated_at = current_timestamp WHERE id = $3`, [annexTitle, name, command.catalogueId]);
  const inverse: RenameCatalogueCommand = { ...command, name: summary.name, expected: name, annexTitle: title };
  const changeId = await logChange(tx, command.catalogueId, command.kind, { ...command, name, annexTitle }, inverse, origin, `清单改名为“${name}”`);
  return { summary: (await getCatalogue(tx, command.catalogueId)).summary, changeId };
}
