// The Electron main process: owns the database and serves the contract over IPC to a sandboxed window.
import { BrowserWindow, app, dialog, ipcMain, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC_CHANNEL } from '../../shared/ipc';
import { toErrorPayload } from '../db/app-error';
import type { Database } from '../db/database';
import { appDataDir, defaultDatabasePath } from '../paths/locations';
import { dispatch } from '../services/dispatch';
import { createHandlers } from '../services/handlers';
import { openAppDatabase } from '../seeds/open-database';

const rendererIndex = join(__dirname, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;
let db: Database | null = null;

app.setPath('userData', appDataDir());

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: '清单工作台',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
    },
  });
  // The window shows our own pages only; links open in the system browser.
  window.webContents.on('will-navigate', (event, url) => {
    if (url !== rendererUrl) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void window.loadFile(rendererIndex);
}

app.whenReady().then(async () => {
  try {
    db = await openAppDatabase(defaultDatabasePath());
  } catch (error) {
    dialog.showErrorBox('清单工作台无法启动', toErrorPayload(error).message);
    app.exit(1);
    return;
  }
  const handlers = createHandlers(db, 'electron');
  ipcMain.handle(IPC_CHANNEL, (event, channel: unknown, request: unknown) => {
    if (!event.senderFrame || !event.senderFrame.url.startsWith(rendererUrl.split('#')[0]!)) {
      return { ok: false, error: { code: 'bad_request', message: '拒绝来自未知页面的请求。' } };
    }
    return dispatch(handlers, String(channel), request);
  });
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void db?.close();
});
