// The comparison's pairing and diff, on small hand-made sides whose answer is known.
import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMN_LABELS } from '../../shared/domain/catalogue';
import { changedDomains, compareCatalogues, diffText, normaliseName } from '../../shared/domain/compare';
import type { CompareItem, CompareSide } from '../../shared/domain/compare';
import { defaultVersionName, parseSideRef } from '../../shared/domain/versions';

type Spec = Partial<CompareItem> & { id: string; name: string; domainSeq: number };

function side(ref: string, specs: Spec[], domains = ['基本公共教育', '基本劳动就业创业']): CompareSide {
  const items = [...specs]
    .sort((a, b) => a.domainSeq - b.domainSeq)
    .map((s, i): CompareItem => ({
      lineage: [s.id],
      itemNo: i + 1,
      targetGroup: null,
      standard: null,
      fundingResponsibility: null,
      leadDepartment: null,
      ...s,
    }));
  return { ref, label: ref, columnLabels: DEFAULT_COLUMN_LABELS, domains: domains.map((name, i) => ({ seq: i + 1, name })), items };
}

const source = side('src', [
  { id: 's:1', name: '免费义务教育', domainSeq: 1, standard: '免除学杂费，免费提供教科书' },
  { id: 's:2', name: '农村义务教育学生营养改善', domainSeq: 1, standard: '每生每天4元' },
  { id: 's:3', name: '寄宿生生活补助', domainSeq: 1, targetGroup: '家庭经济困难寄宿学生' },
  { id: 's:4', name: '就业服务', domainSeq: 2, leadDepartment: '省人力资源社会保障厅' },
  { id: 's:5', name: '创业服务', domainSeq: 2 },
]);

/** A draft of `source`: ids of its own, lineage pointing back. */
function draftOf(specs: Spec[]): CompareSide {
  return side('draft', specs.map((s) => ({ ...s, lineage: [s.id, s.id.replace('d:', 's:')] })));
}

describe('compareCatalogues', () => {
  it('finds nothing between a catalogue and its unchanged copy, paired by lineage', () => {
    const copy = draftOf(source.items.map((i) => ({ ...i, id: i.id.replace('s:', 'd:') })));
    const result = compareCatalogues(source, copy);
    expect(result.counts).toMatchObject({ added: 0, removed: 0, changed: 0, unchanged: 5, byLineage: 5, byName: 0 });
    expect(changedDomains(result)).toEqual([]);
  });

  it('finds exactly the edits made: a field, a rename, a move to another 领域, an insert and a delete', () => {
    const draft = draftOf([
      { id: 'd:1', name: '免费义务教育', domainSeq: 1, standard: '免除学杂费，免费提供国家课程教科书' },
      { id: 'd:2', name: '学生营养改善', domainSeq: 1, standard: '每生每天5元' },
      { id: 'd:new', name: '学前教育幼儿资助', domainSeq: 1 },
      { id: 'd:4', name: '就业服务', domainSeq: 2, leadDepartment: '省人力资源社会保障厅' },
      { id: 'd:5', name: '创业服务', domainSeq: 2 },
      { id: 'd:3', name: '寄宿生生活补助', domainSeq: 2, targetGroup: '家庭经济困难寄宿学生' },
    ]);
    const result = compareCatalogues(source, draft);
    expect(result.counts).toMatchObject({ added: 1, removed: 0, changed: 3, unchanged: 2, renamed: 1, moved: 1 });
    const rows = result.domains.flatMap((d) => d.rows);
    const byName = (name: string) => rows.find((r) => r.after?.name === name)!;
    expect(byName('免费义务教育').note).toBe('修改了服务指导标准');
    expect(byName('免费义务教育').changes[0]!.parts).toEqual([
      { text: '免除学杂费，免费提供', kind: 'same' },
      { text: '国家课程', kind: 'added' },
      { text: '教科书', kind: 'same' },
    ]);
    expect(byName('学生营养改善').renamed).toBe(true);
    expect(byName('学生营养改善').note).toBe('服务项目名称由“农村义务教育学生营养改善”改为“学生营养改善”；修改了服务指导标准');
    expect(byName('学生营养改善').changes.find((c) => c.field === 'standard')!.parts).toEqual([
      { text: '每生每天', kind: 'same' },
      { text: '4', kind: 'removed' },
      { text: '5', kind: 'added' },
      { text: '元', kind: 'same' },
    ]);
    expect(byName('学前教育幼儿资助')).toMatchObject({ kind: 'added', note: '新增', before: null });
    expect(byName('寄宿生生活补助')).toMatchObject({ kind: 'changed', movedDomain: { from: '一、基本公共教育', to: '二、基本劳动就业创业' } });
    expect(byName('寄宿生生活补助').note).toBe('移至“二、基本劳动就业创业”领域');
    // Items shifted by the insert above them are not "moved".
    expect(byName('就业服务').kind).toBe('unchanged');
  });

  it('places a removed item where it stood and says 删除', () => {
    const draft = draftOf([
      { id: 'd:1', name: '免费义务教育', domainSeq: 1, standard: '免除学杂费，免费提供教科书' },
      { id: 'd:3', name: '寄宿生生活补助', domainSeq: 1, targetGroup: '家庭经济困难寄宿学生' },
      { id: 'd:4', name: '就业服务', domainSeq: 2, leadDepartment: '省人力资源社会保障厅' },
      { id: 'd:5', name: '创业服务', domainSeq: 2 },
    ]);
    const result = compareCatalogues(source, draft);
    expect(result.domains[0]!.rows.map((r) => `${r.kind}:${(r.after ?? r.before)!.name}`)).toEqual([
      'unchanged:免费义务教育',
      'removed:农村义务教育学生营养改善',
      'unchanged:寄宿生生活补助',
    ]);
    expect(result.counts.removed).toBe(1);
  });

  it('says 调整了顺序 for an item moved within its 领域, and only for it', () => {
    const draft = draftOf([
      { id: 'd:3', name: '寄宿生生活补助', domainSeq: 1, targetGroup: '家庭经济困难寄宿学生' },
      { id: 'd:1', name: '免费义务教育', domainSeq: 1, standard: '免除学杂费，免费提供教科书' },
      { id: 'd:2', name: '农村义务教育学生营养改善', domainSeq: 1, standard: '每生每天4元' },
      { id: 'd:4', name: '就业服务', domainSeq: 2, leadDepartment: '省人力资源社会保障厅' },
      { id: 'd:5', name: '创业服务', domainSeq: 2 },
    ]);
    const rows = compareCatalogues(source, draft).domains.flatMap((d) => d.rows);
    expect(rows.filter((r) => r.kind === 'changed').map((r) => [r.after!.name, r.note])).toEqual([['寄宿生生活补助', '调整了顺序']]);
  });

  it('pairs by name across unrelated catalogues, folding widths and punctuation; duplicates in order, marked', () => {
    const other = side('other', [
      { id: 'o:1', name: '免费义务教育。', domainSeq: 1, standard: '免除学杂费' },
      { id: 'o:2', name: '就业服务', domainSeq: 2 },
      { id: 'o:3', name: '就业服务', domainSeq: 2 },
      { id: 'o:4', name: '养老服务', domainSeq: 2 },
    ]);
    const result = compareCatalogues(source, other);
    expect(result.counts).toMatchObject({ byLineage: 0, byName: 2, ambiguous: 1, added: 2, removed: 3 });
    const rows = result.domains.flatMap((d) => d.rows);
    const jobs = rows.filter((r) => r.after?.name === '就业服务');
    expect(jobs.map((r) => r.kind)).toEqual(['changed', 'added']);
    expect(jobs[0]!.before!.id).toBe('s:4');
    expect(jobs[0]!.note).toContain('同名项目不止一个');
  });

  it('moves no item when its 领域 was renamed or renumbered, and still sees one moved out of it', () => {
    const draft = side(
      'draft',
      [
        { id: 'd:4', name: '就业服务', domainSeq: 1, leadDepartment: '省人力资源社会保障厅' },
        { id: 'd:5', name: '创业服务', domainSeq: 1 },
        { id: 'd:1', name: '免费义务教育', domainSeq: 2, standard: '免除学杂费，免费提供教科书' },
        { id: 'd:2', name: '农村义务教育学生营养改善', domainSeq: 2, standard: '每生每天4元' },
        { id: 'd:3', name: '寄宿生生活补助', domainSeq: 1, targetGroup: '家庭经济困难寄宿学生' },
      ].map((s) => ({ ...s, lineage: [s.id, s.id.replace('d:', 's:')] })),
      ['劳动就业创业', '教育'],
    );
    const result = compareCatalogues(source, draft);
    const changed = result.domains.flatMap((d) => d.rows).filter((r) => r.kind !== 'unchanged');
    expect(changed.map((r) => [r.after!.name, r.note])).toEqual([['寄宿生生活补助', '移至“一、劳动就业创业”领域']]);
    expect(result.domains.map((d) => d.heading)).toEqual(['一、劳动就业创业', '二、教育']);
  });

  it('pairs two drafts of one source through the source they share', () => {
    const a = side('a', [{ id: 'a:1', name: '甲', domainSeq: 1, lineage: ['a:1', 's:1'] }]);
    const b = side('b', [{ id: 'b:1', name: '乙', domainSeq: 1, lineage: ['b:1', 's:1'] }]);
    const result = compareCatalogues(a, b);
    expect(result.counts).toMatchObject({ byLineage: 1, renamed: 1, added: 0, removed: 0 });
  });
});

describe('helpers', () => {
  it('normalises names', () => {
    expect(normaliseName(' 城乡居民（基本）养老保险。')).toBe('城乡居民基本养老保险');
    expect(normaliseName('ＡＢＣ１')).toBe('ABC1');
  });
  it('diffs an empty cell as empty text', () => {
    expect(diffText(null, '新')).toEqual([{ text: '新', kind: 'added' }]);
  });
  it('names a version after its stage and day, and reads references', () => {
    expect(defaultVersionName('consultation', new Date(Date.UTC(2026, 2, 1, 4)))).toBe('征求意见稿 2026-03-01');
    // 20:00 UTC is the next morning in Beijing, where the documents are dated.
    expect(defaultVersionName(null, new Date(Date.UTC(2026, 2, 1, 20)))).toBe('版本 2026-03-02');
    expect(parseSideRef('draft-1a2b@2')).toEqual({ catalogueId: 'draft-1a2b', version: '2' });
    expect(parseSideRef('hebei-13th')).toEqual({ catalogueId: 'hebei-13th', version: null });
  });
});
