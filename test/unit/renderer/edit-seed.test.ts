// Text typed on a picked cell before its editor opened is that cell's alone: an edit taken away before its
// editor appeared left '1' (typed for 覆盖率) to open the next cell's edit, and 补助标准 typed as 505 was
// saved as 1505. Each seed now names its cell.
import { describe, expect, it } from 'vitest';
import { cellKey, hasEditSeed, seedNextEdit, takeEditSeed } from '../../../renderer/src/grid/edit-seed';

const coverage = cellKey('hebei-13th:004', 'coverage');
const amount = cellKey('hebei-13th:004', 'unitAmount');

describe('edit seeds', () => {
  it('keys typed for one cell run on for it, and its editor takes them', () => {
    seedNextEdit('1', coverage);
    seedNextEdit('5', coverage);
    expect(hasEditSeed(coverage)).toBe(true);
    expect(takeEditSeed(coverage)).toBe('15');
    expect(takeEditSeed(coverage)).toBeNull();
  });

  it('another cell never starts with them: typing there replaces them, its editor drops them', () => {
    seedNextEdit('1', coverage);
    seedNextEdit('5', amount);
    expect(hasEditSeed(coverage)).toBe(false);
    expect(takeEditSeed(amount)).toBe('5');

    seedNextEdit('1', coverage);
    expect(hasEditSeed(amount)).toBe(false);
    expect(takeEditSeed(amount)).toBeNull();
    // Dropped, not kept for later.
    expect(takeEditSeed(coverage)).toBeNull();
  });

  it('a seed given up is gone', () => {
    seedNextEdit('503', amount);
    expect(takeEditSeed()).toBeNull();
    expect(hasEditSeed(amount)).toBe(false);
  });
});
