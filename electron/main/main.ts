// The Electron main process: owns the database and serves the contract over IPC to a sandboxed window.
import { BrowserWindow, app, dialog, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC_CHANGED, IPC_CHANNEL } from '../../shared/ipc';
import { toErrorPayload } from '../db/app-error';
import type { Database } from '../db/database';
import { appDataDir } from '../paths/locations';
import { hostOptions } from '../host/host-options';
import { dispatch } from '../services/dispatch';
import { ChangeFeed } from '../services/change-feed';
import { createHandlers } from '../services/handlers';
import { openAppDatabase } from '../seeds/open-database';

const rendererIndex = join(__dirname, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;
let db: Database | null = null;

/** Only our own page may call the contract: the exact file, whatever its #route. */
function isOwnPage(url: string | undefined): boolean {
  if (!url) return false;
  const page = new URL(url);
  page.hash = '';
  return page.href === rendererUrl;
}

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
    if (!isOwnPage(url)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void window.loadFile(rendererIndex);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(async () => {
  // The app needs no camera, microphone, notifications or location: refuse every permission request.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  try {
    db = await openAppDatabase(hostOptions(process.argv.slice(1)).dbPath);
  } catch (error) {
    dialog.showErrorBox('清单工作台无法启动', toErrorPayload(error).message);
    app.exit(1);
    return;
  }
  const feed = new ChangeFeed();
  const handlers = createHandlers(db, 'electron', 'app', feed);
  // Every window hears what changed, so its totals and rows refresh without re-reading the model.
  feed.subscribe((change) => {
    for (const w of BrowserWindow.getAllWindows()) if (!w.isDestroyed()) w.webContents.send(IPC_CHANGED, change);
  });
  ipcMain.handle(IPC_CHANNEL, (event, channel: unknown, request: unknown) => {
    if (!isOwnPage(event.senderFrame?.url)) {
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

// Let the database finish its last transaction and close its file before the process ends.
let quitting = false;
app.on('will-quit', (event) => {
  if (quitting || !db) return;
  quitting = true;
  event.preventDefault();
  void db.close().finally(() => app.exit(0));
});
