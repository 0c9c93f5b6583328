// The 测算 view's data: the item rows and the summary, read again whenever the Node side says this
// catalogue's figures changed. Rows that did not change keep their object, so the grid redraws only
// the rows whose figures moved.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PricingItemRow, PricingItems, PricingSummary } from '../../../../shared/domain/pricing/results';
import type { ItemDriver } from '../../../../shared/domain/pricing/drivers';
import { errorMessage, invoke, onChanged } from '../../api/client';

function keepUnchanged(previous: PricingItems | null, next: PricingItems): PricingItems {
  if (!previous) return next;
  const before = new Map(previous.items.map((row) => [row.itemId, row]));
  const items = next.items.map((row) => {
    const old = before.get(row.itemId);
    return old && JSON.stringify(old) === JSON.stringify(row) ? old : row;
  });
  return { ...next, items };
}

export interface PricingData {
  items: PricingItems | null;
  summary: PricingSummary | null;
  /** Why the figures could not be read, in Chinese; null when they were. */
  error: string | null;
  /** Reads rows and summary again (coalesced: at most one read runs, one more waits). */
  refresh: () => void;
  /** Shows a saved driver at once, before the refreshed figures arrive. */
  showDriver: (driver: ItemDriver) => void;
  /** Bumped after every refresh, so an open explanation can read itself again. */
  generation: number;
}

export function usePricingData(catalogueId: string): PricingData {
  const [items, setItems] = useState<PricingItems | null>(null);
  const [summary, setSummary] = useState<PricingSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const running = useRef(false);
  const again = useRef(false);
  const live = useRef(true);
  // Drivers shown as saved, numbered: a read begun before one was saved does not put the old value back
  // (an edit sent from it would be refused as a conflict); the read that follows the save brings it.
  const shownSeq = useRef(0);
  const shown = useRef(new Map<string, { driver: ItemDriver; seq: number }>());

  const refresh = useCallback(() => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    void (async () => {
      try {
        do {
          again.current = false;
          const started = shownSeq.current;
          try {
            const [nextItems, nextSummary] = await Promise.all([
              invoke('pricing.items', { catalogueId }),
              invoke('pricing.summary', { catalogueId }),
            ]);
            if (!live.current) return;
            for (const [itemId, { seq }] of shown.current) if (seq <= started) shown.current.delete(itemId);
            const newer = (row: PricingItemRow) => shown.current.get(row.itemId)?.driver;
            const read = { ...nextItems, items: nextItems.items.map((row) => (newer(row) ? { ...row, driver: newer(row)! } : row)) };
            setItems((previous) => keepUnchanged(previous, read));
            setSummary(nextSummary);
            setError(null);
            setGeneration((g) => g + 1);
          } catch (e) {
            if (live.current) setError(errorMessage(e));
          }
        } while (again.current && live.current);
      } finally {
        running.current = false;
      }
    })();
  }, [catalogueId]);

  useEffect(() => {
    live.current = true;
    refresh();
    const off = onChanged((event) => {
      if (event.catalogueId === null || event.catalogueId === catalogueId) refresh();
    });
    return () => {
      live.current = false;
      off();
    };
  }, [catalogueId, refresh]);

  const showDriver = useCallback((driver: ItemDriver) => {
    shown.current.set(driver.itemId, { driver, seq: ++shownSeq.current });
    setItems((previous) =>
      previous && {
        ...previous,
        items: previous.items.map((row): PricingItemRow => (row.itemId === driver.itemId ? { ...row, driver } : row)),
      },
    );
  }, []);

  return { items, summary, error, refresh, showDriver, generation };
}
