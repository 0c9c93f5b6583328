import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client';

export type Load<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: T };

/** Loads once on mount (and on reload()); a failure is kept as a message to show, not thrown. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Load<T>, () => void] {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const run = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    setResult({ state: 'loading' });
    run().then(
      (data) => live && setResult({ state: 'ready', data }),
      (error: unknown) => live && setResult({ state: 'error', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [run, generation]);
  return [result, () => setGeneration((g) => g + 1)];
}
