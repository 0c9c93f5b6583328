// A catalogue written as labelled paragraphs, as model texts and drafting notes give it:
//   一、基本公共教育
//   1. 学前教育幼儿资助
//   服务对象：…  服务标准：…  支出责任：…  牵头负责单位：…
// A line without a label continues the field above it.
import { CatalogueBuilder } from './builder';
import type { ItemFields } from './builder';
import { fieldOfHeading } from './columns';
import type { ImportedDomain, ImportProblem } from './types';

const DOMAIN = /^([一二三四五六七八九十]+)\s*[、.．]\s*(\S.*)$/u;
const CATEGORY = /^[（(]\s*[一二三四五六七八九十]+\s*[）)]\s*(\S.*)$/u;
const ITEM = /^(\d{1,4})\s*[.．、]\s*(\S.*)$|^[（(](\d{1,4})[）)]\s*(\S.*)$/u;
const LABELLED = /^([^\s:：]{1,12})\s*[:：]\s*(.*)$/u;

/** Whether the text is written this way: labels such as 服务对象： and 支出责任： start several lines. */
export function looksLikeModelText(lines: readonly string[]): boolean {
  let labelled = 0;
  for (const line of lines) {
    const m = LABELLED.exec(line.trim());
    const field = m ? fieldOfHeading(m[1]!) : null;
    if (field && field !== 'name' && field !== 'itemNo') labelled += 1;
  }
  return labelled >= 2;
}

export interface ModelTextImport {
  domains: ImportedDomain[];
  notes: string[];
  problems: ImportProblem[];
  extraColumns: string[];
  labels: Map<keyof ItemFields, string>;
  above: string[];
}

interface Pending {
  row: number;
  no: string | null;
  fields: Map<keyof ItemFields, string>;
  rows: Map<keyof ItemFields, number>;
}

export function readModelText(lines: readonly string[]): ModelTextImport {
  const builder = new CatalogueBuilder();
  const labels = new Map<keyof ItemFields, string>();
  const above: string[] = [];
  let pending: Pending | null = null;
  let last: keyof ItemFields | null = null;

  const flush = () => {
    if (!pending) return;
    const p = pending;
    builder.item(
      p.row,
      `第${p.row}行`,
      p.no,
      (f) => p.fields.get(f) ?? null,
      (f) => ({ text: `第${p.rows.get(f) ?? p.row}行“${labels.get(f) ?? (f === 'name' ? '服务项目' : f)}”`, column: labels.get(f) ?? null }),
    );
    pending = null;
    last = null;
  };

  lines.forEach((raw, index) => {
    const row = index + 1;
    const line = raw.trim();
    if (line === '') return;
    const labelled = LABELLED.exec(line);
    const field = labelled ? fieldOfHeading(labelled[1]!) : null;
    if (field === 'name') {
      flush();
      labels.set('name', labelled![1]!);
      pending = { row, no: null, fields: new Map([['name', labelled![2]!]]), rows: new Map([['name', row]]) };
      last = 'name';
      return;
    }
    if (field && field !== 'itemNo' && field !== 'domain') {
      if (!pending) {
        builder.error(row, labelled![1]!, `第${row}行：“${labelled![1]}”之前没有服务项目名称（如“1. 学前教育幼儿资助”或“服务项目：…”），请补上后再导入。`);
        return;
      }
      const key = field as keyof ItemFields;
      if (!labels.has(key)) labels.set(key, labelled![1]!);
      if (pending.fields.has(key)) {
        builder.error(row, labelled![1]!, `第${row}行：服务项目“${pending.fields.get('name') ?? ''}”的“${labelled![1]}”在第${pending.rows.get(key)}行已经写过，请合并成一处后再导入。`);
        return;
      }
      pending.fields.set(key, labelled![2]!);
      pending.rows.set(key, row);
      last = key;
      return;
    }
    if (/^(注|说明)\s*\d*\s*[:：]/u.test(line)) {
      flush();
      builder.notes.push(line);
      return;
    }
    const domain = DOMAIN.exec(line);
    if (domain) {
      flush();
      builder.domain(domain[2]!, row, `第${row}行`);
      return;
    }
    const category = CATEGORY.exec(line);
    if (category) {
      flush();
      builder.setCategory(category[1]!);
      return;
    }
    const item = ITEM.exec(line);
    if (item) {
      flush();
      pending = { row, no: item[1] ?? item[3] ?? null, fields: new Map([['name', (item[2] ?? item[4])!]]), rows: new Map([['name', row]]) };
      last = 'name';
      return;
    }
    if (pending && last && last !== 'name') {
      pending.fields.set(last, `${pending.fields.get(last)}\n${line}`);
      return;
    }
    if (builder.domains.length === 0 && !pending) {
      above.push(line);
      return;
    }
    builder.error(row, null, `第${row}行：“${line.length > 30 ? `${line.slice(0, 30)}…` : line}”既不是领域、服务项目，也不是“服务对象：”等栏目，无法识别；请改成“栏目：内容”的写法后再导入。`);
  });
  flush();
  builder.finish();
  const extraColumns = (['content', 'category', 'note'] as const).flatMap((f) => labels.get(f) ?? []);
  return { domains: builder.domains, notes: builder.notes, problems: builder.problems, extraColumns, labels, above };
}
