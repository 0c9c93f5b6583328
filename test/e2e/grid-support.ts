// What the grid suites share: the host's API from the test side (to know what the
// database holds, independently of the grid), a draft of Hebei's catalogue, and locators on the grid.
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { CatalogueDetail, CatalogueItem } from '../../shared/domain/catalogue';
import type { HistoryState } from '../../shared/domain/history';
import type { RunningHost } from './host-process';

export async function api<T>(host: RunningHost, channel: string, request: unknown): Promise<T> {
  const url = new URL(host.url);
  const res = await fetch(`${url.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'x-qingdan-token': url.searchParams.get('token')!, 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(body.error?.message);
  return body.data;
}

export const catalogue = (host: RunningHost, catalogueId: string) => api<CatalogueDetail>(host, 'catalogues.get', { catalogueId });
export const history = (host: RunningHost, catalogueId: string) => api<HistoryState>(host, 'history.state', { catalogueId });

export async function newHebeiDraft(host: RunningHost, name: string): Promise<string> {
  const summary = await api<{ id: string }>(host, 'catalogues.createDraft', { sourceId: 'hebei-13th', name });
  return summary.id;
}

export const cellOf = (page: Page, itemId: string, col: string) => page.locator(`.ag-row[row-id="${itemId}"] .ag-cell[col-id="${col}"]`);
export const status = (page: Page) => page.locator('[data-save-state]');

/** The items' texts of one column, in the database's order. */
export function column(items: CatalogueItem[], field: keyof CatalogueItem): (string | null)[] {
  return items.map((i) => i[field] as string | null);
}

/**
 * Waits until the rows stop growing and moving: wrapped rows are measured a moment after they are drawn,
 * and the rows below shift as they are.
 */
export async function settled(page: Page) {
  const layout = () =>
    page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.ag-row')].map((r) => `${r.getAttribute('row-id')}:${r.offsetTop}:${r.clientHeight}`).join(','));
  let last = '';
  await expect
    .poll(async () => {
      await page.waitForTimeout(400);
      const now = await layout();
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
}
