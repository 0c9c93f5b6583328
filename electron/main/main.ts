// The Electron main process: owns the database and serves the contract over IPC to a sandboxed window.
import { BrowserWindow, Menu, app, dialog, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { IPC_CHANGED, IPC_CHANNEL } from '../../shared/ipc';
import { toErrorPayload } from '../db/app-error';
import type { Database } from '../db/database';
import { appDataDir } from '../paths/locations';
import { hostOptions } from '../host/host-options';
import { dispatch } from '../services/dispatch';
import { ChangeFeed } from '../services/change-feed';
import { createHandlers } from '../services/handlers';
import { openAppDatabase } from '../seeds/open-database';
import { APP_INDEX, APP_ORIGIN, registerAppScheme, serveAppFiles } from './app-protocol';

const rendererDir = join(__dirname, '..', 'renderer');
let db: Database | null = null;
let mainWindow: BrowserWindow | null = null;

/** Only our own page may call the contract: the exact page, whatever its #route. */
function isOwnPage(url: string | undefined): boolean {
  if (!url) return false;
  const page = new URL(url);
  page.hash = '';
  return page.href === APP_INDEX;
}

app.setPath('userData', appDataDir());
registerAppScheme();

// One window per database file: a second start hands over to the first (DuckDB allows one writer anyway).
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
}

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
      // A packaged build has no developer tools; a developer's `npm start` keeps them.
      devTools: !app.isPackaged,
      // A middle click must not open a link in a new window behind the navigation guards.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  mainWindow = window;
  if (!app.isPackaged) {
    window.webContents.on('before-input-event', (_event, input) => {
      if (input.type === 'keyDown' && input.key === 'F12') window.webContents.toggleDevTools();
    });
  }
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  // The window shows our own pages only; links open in the system browser.
  window.webContents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void window.loadURL(APP_INDEX);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(async () => {
  if (!firstInstance) return;
  // The app needs no camera, microphone, notifications or location: every permission is refused, except
  // our own page reading and writing the clipboard (the grid's 复制 and 粘贴 buttons, as Ctrl+C/V do).
  const CLIPBOARD = new Set(['clipboard-read', 'clipboard-sanitized-write']);
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback) =>
    // (A custom scheme has no WHATWG origin: the page's address is compared as text.)
    callback(CLIPBOARD.has(permission) && contents.getURL().startsWith(`${APP_ORIGIN}/`)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, origin) => CLIPBOARD.has(permission) && origin === APP_ORIGIN);
  // Electron's default menu is English (File, Edit, View …) and the app has no use for one: none, in a
  // developer's `npm start` too (F12 opens the developer tools there).
  Menu.setApplicationMenu(null);
  serveAppFiles(rendererDir);
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
