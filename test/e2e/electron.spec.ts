// The same app in the Electron window, where an Electron binary is present (a developer's PC). These
// machines cannot download Electron, so here the suite says so and skips; the browser-host suite runs.
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from '../../electron/host/electron-binary';

const root = fileURLToPath(new URL('../..', import.meta.url));
const binary = electronBinary({ download: false });

test.describe('in the Electron window', () => {
  test.skip(!binary, 'no Electron binary on this machine (it cannot be downloaded here)');

  test('lists the catalogues, edits a cell, and keeps the edit across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qingdan-electron-'));
    const env = { ...process.env, QINGDAN_DB: join(dir, 'qingdan.duckdb') } as Record<string, string>;
    try {
      let app = await electron.launch({ executablePath: binary!, args: [join(root, 'dist/electron/main.cjs')], env });
      let page = await app.firstWindow();
      await expect(page.getByRole('table', { name: '清单列表' }).locator('tbody tr')).toHaveCount(4);
      await page.getByRole('link', { name: '河北省“十三五”基本公共服务清单' }).click();
      // The seeded catalogue is published (read-only): the edit goes into a draft of it.
      await page.getByRole('button', { name: '基于此新建草案' }).click();
      await expect(page).toHaveURL(/#\/catalogue\/draft-/u);
      const draft = decodeURIComponent(new URL(page.url()).hash.replace('#/catalogue/', ''));
      const cell = page.locator(`.ag-row[row-id="${draft}:003"] .ag-cell[col-id="targetGroup"]`);
      await cell.dblclick();
      await page.locator('.ag-large-text textarea').fill('在 Electron 中修改');
      await page.locator('.ag-large-text textarea').press('Enter');
      await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved');
      await app.close();

      app = await electron.launch({ executablePath: binary!, args: [join(root, 'dist/electron/main.cjs')], env });
      page = await app.firstWindow();
      await page.evaluate((id) => (window.location.hash = `#/catalogue/${id}`), draft);
      await expect(page.locator(`.ag-row[row-id="${draft}:003"] .ag-cell[col-id="targetGroup"]`)).toHaveText('在 Electron 中修改');
      // The preload exposes one function and no Node.
      expect(await page.evaluate(() => Object.keys((window as unknown as { qingdan: object }).qingdan))).toEqual(['invoke']);
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      await app.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
