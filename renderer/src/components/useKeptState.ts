// A view setting kept when the page is left and come back to (another tab, another page, a reload): the money
// unit a finance officer reads in, the summary table opened. Kept in the window's storage, not the database:
// it is how this window shows the figures, not part of the plan. A stored value the page no longer offers is
// ignored.
import { useState } from 'react';

type Storage = 'session' | 'local';
const storageOf = (storage: Storage) => (storage === 'local' ? window.localStorage : window.sessionStorage);

function read<T>(storage: Storage, key: string, valid: (value: unknown) => value is T): T | undefined {
  try {
    const text = storageOf(storage).getItem(`qingdan:${key}`);
    const value: unknown = text === null ? undefined : JSON.parse(text);
    return valid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * useState whose value is kept under `key`: in this window's session ('session': a reload, a tab switch) or
 * for good ('local': also the next start).
 */
export function useKeptState<T>(key: string, initial: () => T, valid: (value: unknown) => value is T, storage: Storage = 'session') {
  const [value, setValue] = useState<T>(() => read(storage, key, valid) ?? initial());
  const set = (next: T) => {
    setValue(next);
    try {
      storageOf(storage).setItem(`qingdan:${key}`, JSON.stringify(next));
    } catch {
      // A storage that is full or refused only loses the setting, never the change of view.
    }
  };
  return [value, set] as const;
}

/** A check for useKeptState: one of `options`. */
export const oneOf =
  <T extends string | boolean>(options: readonly T[]) =>
  (value: unknown): value is T =>
    options.includes(value as T);
