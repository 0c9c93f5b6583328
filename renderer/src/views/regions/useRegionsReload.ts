// The 行政区与人口 page's tables read themselves for the province shown, and again after every change to
// regions or population (an import, an edit here or in another window): the Node side's 'regions' events.
import { useEffect, useRef } from 'react';
import { onChanged } from '../../api/client';

/** Runs `load` now and after each such change; `clear` first empties what was shown of another province. */
export function useRegionsReload(load: () => Promise<void>, clear: () => void): void {
  const clearShown = useRef(clear);
  clearShown.current = clear;
  useEffect(() => {
    clearShown.current();
    void load();
    return onChanged((event) => {
      if (event.scope === 'regions') void load();
    });
  }, [load]);
}
