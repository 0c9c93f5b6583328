// Collects domains and items from any source in file order and checks them as the grid's write path would:
// every problem is kept with its row and column; nothing here decides whether to write.
import { MAX_CELL_CHARS } from '../catalogue';
import { DOMAIN_NAME_LIMIT, ITEM_TEXT_LIMITS } from '../limits';
import { forbiddenCharacterReason, normaliseCellText } from '../cell-text';
import type { ImportProblem, ImportedDomain, ImportedItem } from './types';

export type ItemFields = Omit<ImportedItem, 'row' | 'sourceItemNo'>;

const OPTIONAL_LABELS: { field: keyof ItemFields; label: string }[] = [
  { field: 'targetGroup', label: '服务对象' },
  { field: 'standard', label: '服务标准' },
  { field: 'fundingResponsibility', label: '支出责任' },
  { field: 'leadDepartment', label: '牵头负责单位' },
];

export class CatalogueBuilder {
  readonly domains: ImportedDomain[] = [];
  readonly problems: ImportProblem[] = [];
  readonly notes: string[] = [];
  private category: string | null = null;
  private lastNo: number | null = null;

  error(row: number | null, column: string | null, message: string): void {
    this.problems.push({ severity: 'error', row, column, message });
  }

  warn(row: number | null, column: string | null, message: string): void {
    this.problems.push({ severity: 'warning', row, column, message });
  }

  /** A domain heading; the same name again (a dump CSV's column, a page break) continues that domain. */
  domain(name: string, row: number, where: string): void {
    const text = this.text(name, row, null, where, DOMAIN_NAME_LIMIT);
    if (text === null) return;
    this.category = null;
    const last = this.domains[this.domains.length - 1];
    if (last?.name === text) return;
    const earlier = this.domains.find((d) => d.name === text);
    if (earlier) {
      this.error(row, null, `${where}：领域“${text}”在第${earlier.row}行已经出现过，同一领域的服务项目应连在一起，请合并后再导入。`);
      return;
    }
    this.domains.push({ name: text, row, items: [] });
  }

  setCategory(name: string | null): void {
    this.category = name;
  }

  /** Cell text as it will be stored, or null; a character the annex cannot hold is a problem. */
  text(value: string | null, row: number, column: string | null, where: string, limit = MAX_CELL_CHARS): string | null {
    if (value === null) return null;
    const reason = forbiddenCharacterReason(value);
    if (reason) {
      this.error(row, column, `${where}的${reason}，请删去这个字符后再导入。`);
      return null;
    }
    const text = normaliseCellText(value);
    if (text !== null && [...text].length > limit) {
      this.error(row, column, `${where}的内容有 ${[...text].length} 个字，超过这一栏最多 ${limit} 个字的限度，请拆分或删减后再导入。`);
      return null;
    }
    return text;
  }

  /**
   * An item; `cell(field)` gives the raw text of a field and `where(field)` names its cell for a message
   * ("第12行C列“服务对象”"). `rowWhere` names the row.
   */
  item(
    row: number,
    rowWhere: string,
    itemNo: string | null,
    cell: (field: keyof ItemFields) => string | null,
    where: (field: keyof ItemFields) => { text: string; column: string | null },
  ): void {
    const value = (field: keyof ItemFields) => {
      const w = where(field);
      // The grid's own limit for the six columns it edits (the write path would refuse more), else a cell's.
      const limit = field in ITEM_TEXT_LIMITS ? ITEM_TEXT_LIMITS[field as keyof typeof ITEM_TEXT_LIMITS] : MAX_CELL_CHARS;
      return this.text(cell(field), row, w.column, w.text, limit);
    };
    const name = value('name');
    const nameAt = where('name');
    if (name === null) {
      if (cell('name') === null || normaliseCellText(cell('name')) === null) {
        this.error(row, nameAt.column, `${nameAt.text}：服务项目名称为空，每个服务项目都要有名称；请补上名称，或删去这一行后再导入。`);
      }
      return;
    }
    const sourceItemNo = this.itemNumber(itemNo, row, rowWhere);
    const domain = this.domains[this.domains.length - 1];
    if (!domain) {
      this.error(row, nameAt.column, `${rowWhere}：服务项目“${name}”之前没有领域行（如“一、基本公共教育”），无法确定它属于哪个领域；请在它上面加上领域行后再导入。`);
      return;
    }
    const twin = domain.items.find((i) => i.name === name);
    if (twin) {
      this.error(row, nameAt.column, `${nameAt.text}：服务项目“${name}”在领域“${domain.name}”中与第${twin.row}行重名，同一领域内服务项目不能重复；请改名或删去一行后再导入。`);
      return;
    }
    const item: ImportedItem = {
      row,
      sourceItemNo,
      name,
      targetGroup: value('targetGroup'),
      content: value('content'),
      standard: value('standard'),
      fundingResponsibility: value('fundingResponsibility'),
      leadDepartment: value('leadDepartment'),
      category: value('category') ?? this.category,
      note: value('note'),
    };
    const empty = OPTIONAL_LABELS.filter(({ field }) => item[field] === null && !(field === 'standard' && item.content !== null));
    if (empty.length) {
      this.warn(row, null, `${rowWhere}“${name}”：${empty.map((e) => e.label).join('、')}为空，导入后可在表格中补上。`);
    }
    domain.items.push(item);
  }

  private itemNumber(text: string | null, row: number, where: string): number | null {
    const raw = text === null ? '' : text.trim().replace(/[.．、]$/u, '');
    if (raw === '') return null;
    if (!/^\d{1,5}$/u.test(raw)) {
      this.warn(row, '序号', `${where}：序号“${raw}”不是数字，导入后按顺序重新编号。`);
      return null;
    }
    const no = Number(raw);
    if (this.lastNo !== null && no !== this.lastNo + 1 && no !== 1) {
      this.warn(row, '序号', `${where}：序号从 ${this.lastNo} 跳到 ${no}，导入后按顺序重新编号（1、2、3……贯通各领域）。`);
    }
    this.lastNo = no;
    return no;
  }

  /** The problems every source shares: no items, a domain left empty. */
  finish(): void {
    const count = this.domains.reduce((n, d) => n + d.items.length, 0);
    if (count === 0 && !this.problems.some((p) => p.severity === 'error')) {
      this.error(null, null, '没有找到任何服务项目：表头之下没有一行是服务项目；请确认选择的是清单文件。');
    }
    for (const d of this.domains) {
      if (d.items.length === 0 && count > 0) this.warn(d.row, null, `第${d.row}行：领域“${d.name}”下没有服务项目，导入后是一个空领域。`);
    }
  }
}
