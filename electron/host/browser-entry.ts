// `node dist/electron/browser-host.mjs [--db file] [--port n]`: the browser host without trying Electron.
import { runBrowserHost } from './browser-main';

await runBrowserHost();
