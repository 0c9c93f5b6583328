// Bundles the Node side with esbuild: the Electron main process and preload (CommonJS, as Electron's
// sandboxed preload requires), the start script and the browser host (ESM). npm packages stay external
// and load from node_modules (DuckDB's native binding cannot be bundled).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  // locations.ts reads import.meta only when __dirname is missing, which never happens in this bundle.
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', packages: 'external', logOverride: { 'empty-import-meta': 'silent' } }),
  // The sandboxed preload may require nothing but 'electron': bundle everything else into it.
  build({ ...common, entryPoints: ['electron/main/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] }),
  build({ ...common, entryPoints: ['electron/host/start.ts'], outfile: 'dist/electron/start.mjs', format: 'esm', packages: 'external' }),
  build({ ...common, entryPoints: ['electron/host/browser-entry.ts'], outfile: 'dist/electron/browser-host.mjs', format: 'esm', packages: 'external' }),
]);
