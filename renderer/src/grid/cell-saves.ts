/**
 * The saves of a grid's cells, those of one cell one after another. AG Grid can open a cell's next edit before
 * it has told the edit just closed (its cellEditRequest comes after the editor is gone): text typed on at once
 * (甲⏎乙⏎) was then saved as 乙 against the value from before 甲, and refused as changed elsewhere. A save
 * waits for the one before it and is handed what that one saved, to send as the value it replaces.
 */
export class CellSaves<T> {
  private readonly last = new Map<string, Promise<T | undefined>>();

  /** Whether a save of this cell is under way or waiting: the cell is not edited meanwhile. */
  busy(key: string): boolean {
    return this.last.has(key);
  }

  /**
   * Runs `save` once the cell's earlier saves are done. `before` is what the one just before it saved, when it
   * was waited for and succeeded (the row shown may not have it yet); otherwise the row's own value holds.
   */
  run(key: string, save: (before: T | undefined) => Promise<T>): Promise<T> {
    const earlier = this.last.get(key);
    const result = earlier ? earlier.then(save) : save(undefined);
    const done = result.then(
      (saved) => saved,
      () => undefined,
    );
    this.last.set(key, done);
    void done.then(() => {
      if (this.last.get(key) === done) this.last.delete(key);
    });
    return result;
  }
}
