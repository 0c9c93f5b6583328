// The 测算 view's data: the item rows and the summary, read again whenever the Node side says this
// catalogue's figures changed: after a driver edit only the rows of the items it names (and the totals),
// otherwise all. Rows that did not change keep their object, so the grid redraws only the rows whose
// figures moved.
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

/** Some rows read again: they replace their old selves; the rest, and the order, stay. */
function mergeRows(previous: PricingItems, some: PricingItems): PricingItems {
  const fresh = new Map(some.items.map((row) => [row.itemId, row]));
  return keepUnchanged(previous, { ...some, items: previous.items.map((row) => fresh.get(row.itemId) ?? row) });
}

/** What the next read must bring: every row, or the rows of these items. */
type Wanted = 'all' | Set<string>;
const joinWanted = (a: Wanted | null, b: Wanted): Wanted => (a === null ? b : a === 'all' || b === 'all' ? 'all' : new Set([...a, ...b]));

export interface PricingData {
  items: PricingItems | null;
  summary: PricingSummary | null;
  /** Why the figures could not be read, in Chinese; null when they were. */
  error: string | null;
  /** Reads the summary and the rows again, all or those of the items named (coalesced: at most one read runs, one more waits). */
  refresh: (itemIds?: string[]) => void;
  /** Shows a saved driver at once, before the refreshed figures arrive. */
  showDriver: (driver: ItemDriver) => void;
  /** Bumped after every refresh, so an open explanation can read itself again. */
  generation: number;
  /** No read of the figures under way or asked for. */
  settled: () => boolean;
}

export function usePricingData(catalogueId: string): PricingData {
  const [items, setItems] = useState<PricingItems | null>(null);
  const [summary, setSummary] = useState<PricingSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const running = useRef(false);
  const wanted = useRef<Wanted | null>(null);
  const live = useRef(true);
  const current = useRef<PricingItems | null>(null);
  current.current = items;
  // Drivers shown as saved, numbered: a read begun before one was saved does not put the old value back
  // (an edit sent from it would be refused as a conflict); the read that follows the save brings it.
  const shownSeq = useRef(0);
  const shown = useRef(new Map<string, { driver: ItemDriver; seq: number }>());

  const refresh = useCallback((itemIds?: string[]) => {
    wanted.current = joinWanted(wanted.current, itemIds?.length ? new Set(itemIds) : 'all');
    if (running.current) return;
    running.current = true;
    void (async () => {
      try {
        while (wanted.current && live.current) {
          const want = current.current ? wanted.current : 'all';
          wanted.current = null;
          const started = shownSeq.current;
          try {
            const [nextItems, nextSummary] = await Promise.all([
              invoke('pricing.items', want === 'all' ? { catalogueId } : { catalogueId, itemIds: [...want] }),
              invoke('pricing.summary', { catalogueId }),
            ]);
            if (!live.current) return;
            for (const [itemId, { seq }] of shown.current) if (seq <= started) shown.current.delete(itemId);
            const newer = (row: PricingItemRow) => shown.current.get(row.itemId)?.driver;
            const read = { ...nextItems, items: nextItems.items.map((row) => (newer(row) ? { ...row, driver: newer(row)! } : row)) };
            setItems((previous) => (want === 'all' || !previous ? keepUnchanged(previous, read) : mergeRows(previous, read)));
            setSummary(nextSummary);
            setError(null);
            setGeneration((g) => g + 1);
          } catch (e) {
            if (live.current) setError(errorMessage(e));
          }
        }
      } finally {
        running.current = false;
      }
    })();
  }, [catalogueId]);

  useEffect(() => {
    live.current = true;
    refresh();
    const off = onChanged((event) => {
      if (event.catalogueId !== null && event.catalogueId !== catalogueId) return;
      refresh(event.scope === 'drivers' ? event.itemIds : undefined);
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

  const settled = useCallback(() => !running.current && !wanted.current, []);
  return { items, summary, error, refresh, showDriver, generation, settled };
}
