// The 测算 view's data: the item rows and the summary, read again whenever the Node side says this
// catalogue's figures changed: after a driver edit only the rows of the items it names (and the totals),
// otherwise all. Rows that did not change keep their object, so the grid redraws only the rows whose
// figures moved. A change event that a read begun after it already holds (its `asOf`) asks for no read of its
// own, and a save's reply carries its change's number: a planner's edit is read once, whether its event or
// its reply arrives first, and read even if the event never does.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PricingItemRow, PricingItems, PricingSummary } from '../../../../shared/domain/pricing/results';
import type { ItemDriver } from '../../../../shared/domain/pricing/drivers';
import type { ChangeEvent } from '../../../../shared/contract';
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

/** The changes the figures shown hold: up to `all` for every row, and up to a later number for rows read since. */
class Held {
  private all = -1;
  private readonly rows = new Map<string, number>();
  read(want: Wanted, asOf: number): void {
    if (want === 'all') {
      this.all = Math.max(this.all, asOf);
      this.rows.clear();
    } else for (const id of want) this.rows.set(id, Math.max(this.rows.get(id) ?? -1, asOf));
  }
  holds(seq: number, want: Wanted): boolean {
    return seq <= this.all || (want !== 'all' && [...want].every((id) => seq <= (this.rows.get(id) ?? -1)));
  }
}

/** How long a failed read waits before the next try, by the failures before it. */
const RETRY_MS = [500, 1000, 2000, 5000, 10000];
/**
 * Failures in a row after which no try is made by itself (about two minutes in all): what fails that long (the
 * catalogue deleted in another window) is not mended by reading again; the next change or refresh tries.
 */
const MAX_RETRIES = 15;

const eventWant = (event: ChangeEvent): Wanted => (event.scope === 'drivers' && event.itemIds.length ? new Set(event.itemIds) : 'all');

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
  /**
   * A save of these items' drivers told under `changeSeq` (its reply's): their rows and the totals are read
   * again, unless a read already holds the change or its event has asked for one.
   */
  saved: (changeSeq: number, itemIds: string[]) => void;
}

export function usePricingData(catalogueId: string): PricingData {
  const [items, setItems] = useState<PricingItems | null>(null);
  const [summary, setSummary] = useState<PricingSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const running = useRef(false);
  // Reads failed in a row: each waits longer before the next try.
  const failures = useRef(0);
  const wanted = useRef<Wanted | null>(null);
  // Change events not yet held by a read, and what the figures shown hold.
  const events = useRef<{ seq: number; want: Wanted }[]>([]);
  const held = useRef(new Held());
  // The numbers of the change events heard (the latest few hundred).
  const heardSeqs = useRef(new Set<number>());
  const live = useRef(true);
  const current = useRef<PricingItems | null>(null);
  current.current = items;
  // Drivers shown as saved, numbered: a read begun before one was saved does not put the old value back
  // (an edit sent from it would be refused as a conflict); the read that follows the save brings it.
  const shownSeq = useRef(0);
  const shown = useRef(new Map<string, { driver: ItemDriver; seq: number }>());

  const read = useCallback(() => {
    if (running.current) return;
    running.current = true;
    void (async () => {
      try {
        while ((wanted.current || events.current.length) && live.current) {
          let asked = wanted.current;
          for (const e of events.current) asked = joinWanted(asked, e.want);
          const want = current.current && asked ? asked : 'all';
          wanted.current = null;
          const started = shownSeq.current;
          const eventsBefore = events.current.length;
          try {
            const [nextItems, nextSummary] = await Promise.all([
              invoke('pricing.items', want === 'all' ? { catalogueId } : { catalogueId, itemIds: [...want] }),
              invoke('pricing.summary', { catalogueId }),
            ]);
            if (!live.current) return;
            held.current.read(want, Math.min(nextItems.asOf, nextSummary.asOf));
            events.current = events.current.filter((e) => !held.current.holds(e.seq, e.want));
            for (const [itemId, { seq }] of shown.current) if (seq <= started) shown.current.delete(itemId);
            const newer = (row: PricingItemRow) => shown.current.get(row.itemId)?.driver;
            const read = { ...nextItems, items: nextItems.items.map((row) => (newer(row) ? { ...row, driver: newer(row)! } : row)) };
            setItems((previous) => (want === 'all' || !previous ? keepUnchanged(previous, read) : mergeRows(previous, read)));
            setSummary(nextSummary);
            setError(null);
            setGeneration((g) => g + 1);
            failures.current = 0;
          } catch (e) {
            if (!live.current) return;
            setError(errorMessage(e));
            // Everything is read again a moment later (the changes it was to bring stay asked for): at the
            // first step again when a change came in while this read failed, else after the next step of
            // waiting: the figures never stay stale for want of a next edit.
            wanted.current = 'all';
            if (events.current.length > eventsBefore) failures.current = 0;
            if (failures.current >= MAX_RETRIES) return;
            const wait = RETRY_MS[Math.min(failures.current++, RETRY_MS.length - 1)]!;
            setTimeout(() => live.current && read(), wait);
            return;
          }
        }
      } finally {
        running.current = false;
      }
    })();
  }, [catalogueId]);

  // A read asked for by a change or a refresh: after tries had stopped, they start again from the first step.
  const restart = useCallback(() => {
    if (failures.current >= MAX_RETRIES) failures.current = 0;
    read();
  }, [read]);
  // A change to be read, told by its event or by its save's reply, whichever comes first: asked for once.
  const ask = useCallback((seq: number, want: Wanted) => {
    if (held.current.holds(seq, want) || events.current.some((e) => e.seq === seq)) return;
    events.current.push({ seq, want });
    restart();
  }, [restart]);

  const refresh = useCallback(
    (itemIds?: string[]) => {
      wanted.current = joinWanted(wanted.current, itemIds?.length ? new Set(itemIds) : 'all');
      restart();
    },
    [restart],
  );

  useEffect(() => {
    live.current = true;
    refresh();
    const off = onChanged((event) => {
      if (event.catalogueId !== null && event.catalogueId !== catalogueId) return;
      heardSeqs.current.add(event.seq);
      // Only the latest matter: a reply follows its event closely.
      if (heardSeqs.current.size > 200) heardSeqs.current.delete(heardSeqs.current.values().next().value!);
      ask(event.seq, eventWant(event));
    });
    return () => {
      live.current = false;
      off();
    };
  }, [catalogueId, refresh, ask]);

  const showDriver = useCallback((driver: ItemDriver) => {
    shown.current.set(driver.itemId, { driver, seq: ++shownSeq.current });
    setItems((previous) =>
      previous && {
        ...previous,
        items: previous.items.map((row): PricingItemRow => (row.itemId === driver.itemId ? { ...row, driver } : row)),
      },
    );
  }, []);

  const settled = useCallback(() => !running.current && !wanted.current && !events.current.length, []);
  const saved = useCallback(
    (changeSeq: number, itemIds: string[]) => {
      // No number: no view is told of changes here, and the rows are read as asked.
      if (changeSeq <= 0) refresh(itemIds);
      // Its event, heard first, asked for what the Node side says it changed (an import's items, say).
      else if (!heardSeqs.current.has(changeSeq)) ask(changeSeq, itemIds.length ? new Set(itemIds) : 'all');
    },
    [ask, refresh],
  );
  return { items, summary, error, refresh, showDriver, generation, settled, saved };
}
