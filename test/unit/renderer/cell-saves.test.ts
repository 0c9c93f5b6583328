// The saves of one cell run one after another, each handed what the one before it saved: an edit AG Grid
// opened before telling the last (甲⏎乙⏎ typed on at once) is sent against 甲, not against the value before it.
import { describe, expect, it } from 'vitest';
import { CellSaves } from '../../../renderer/src/grid/cell-saves';

/** A save the test lets finish when it likes. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('CellSaves', () => {
  it('starts a save at once when none of its cell is under way, and is busy until it is done', async () => {
    const saves = new CellSaves<string>();
    const first = deferred<string>();
    const seen: (string | undefined)[] = [];
    const done = saves.run('row1/task', (before) => {
      seen.push(before);
      return first.promise;
    });
    expect(seen).toEqual([undefined]);
    expect(saves.busy('row1/task')).toBe(true);
    expect(saves.busy('row2/task')).toBe(false);
    first.resolve('甲');
    await expect(done).resolves.toBe('甲');
    await Promise.resolve();
    expect(saves.busy('row1/task')).toBe(false);
  });

  it('holds a second save of the same cell until the first is done, and hands it what the first saved', async () => {
    const saves = new CellSaves<string>();
    const first = deferred<string>();
    const order: string[] = [];
    void saves.run('row1/task', async () => {
      order.push('first starts');
      return first.promise;
    });
    const second = saves.run('row1/task', async (before) => {
      order.push(`second starts after ${before}`);
      return '乙';
    });
    // Another cell is not held.
    await saves.run('row1/units', async () => {
      order.push('other cell');
      return '丙';
    });
    expect(order).toEqual(['first starts', 'other cell']);
    first.resolve('甲');
    await expect(second).resolves.toBe('乙');
    expect(order).toEqual(['first starts', 'other cell', 'second starts after 甲']);
  });

  it('after a refused save the next one starts from the row, not from the refused value', async () => {
    const saves = new CellSaves<string>();
    const first = deferred<string>();
    const refused = saves.run('row1/task', () => first.promise);
    const second = saves.run('row1/task', async (before) => `from ${before ?? 'the row'}`);
    first.reject(new Error('已被改动'));
    await expect(refused).rejects.toThrow('已被改动');
    await expect(second).resolves.toBe('from the row');
    await Promise.resolve();
    expect(saves.busy('row1/task')).toBe(false);
  });
});
