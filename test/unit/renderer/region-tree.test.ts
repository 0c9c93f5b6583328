import { describe, expect, it } from 'vitest';
import type { RegionRow } from '../../../shared/domain/pricing/results';
import { treeLines } from '../../../renderer/src/views/regions/region-tree';

const region = (code: string, name: string, parentCode: string | null, level: RegionRow['level']): RegionRow => ({
  code,
  name,
  parentCode,
  level,
  countyClass: null,
  grade: null,
  growthPct: null,
  residents: null,
  residentsYear: null,
  source: '测试',
  status: 'sourced',
  isLeaf: false,
});

const rows = [
  region('130300', '秦皇岛市', '130000', 'city'),
  region('130302', '海港区', '130300', 'county'),
  region('130000', '河北省', null, 'province'),
  region('130200', '唐山市', '130000', 'city'),
  region('130303', '山海关区', '130300', 'county'),
];

describe('the region tree', () => {
  it('shows the province and its cities in code order, counties only under an expanded city', () => {
    const closed = treeLines(rows, '130000', new Set());
    expect(closed.map((l) => [l.region.name, l.depth, l.childCount])).toEqual([
      ['河北省', 0, 2],
      ['唐山市', 1, 0],
      ['秦皇岛市', 1, 2],
    ]);
    const open = treeLines(rows, '130000', new Set(['130300']));
    expect(open.map((l) => l.region.name)).toEqual(['河北省', '唐山市', '秦皇岛市', '海港区', '山海关区']);
  });

  it('keeps a region whose parent is missing instead of dropping it', () => {
    const orphan = region('139901', '某县', '139900', 'county');
    expect(treeLines([...rows, orphan], '130000', new Set()).map((l) => l.region.name)).toContain('某县');
  });
});
