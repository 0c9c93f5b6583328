// electron-builder downloads Electron, so it cannot run here; check what it would package instead.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const built = existsSync(join(root, 'dist/electron/main.cjs'));

describe('electron-builder.yml', () => {
  it('unpacks DuckDB’s native bindings from the asar', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/@duckdb/**');
    // The binding package really is where the pattern points.
    const bindings = readFileSync(join(root, 'node_modules/@duckdb/node-bindings/package.json'), 'utf8');
    expect(JSON.parse(bindings).name).toBe('@duckdb/node-bindings');
  });

  it('builds an NSIS installer for Windows and an AppImage for Linux', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis']);
    expect(config.linux.target.map((t: { target: string }) => t.target)).toEqual(['AppImage']);
  });

  it('ships the seeds as resources, where the app looks for them', () => {
    expect(config.extraResources).toContainEqual({ from: 'seeds', to: 'seeds' });
    expect(existsSync(join(root, 'seeds/documents/hebei-13th-plan.txt'))).toBe(true);
    expect(readFileSync(join(root, 'electron/paths/locations.ts'), 'utf8')).toContain("resourcesPath!, 'seeds'");
  });

  it.skipIf(!built)('names entry points that the build produces', () => {
    expect(config.extraMetadata.main).toBe(pkg.main);
    for (const file of [pkg.main, 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
      expect(existsSync(join(root, file)), file).toBe(true);
    }
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json']));
  });

  it.skipIf(!built)('packages every module the main process requires as a runtime dependency', () => {
    const bundle = readFileSync(join(root, pkg.main), 'utf8');
    const required = new Set([...bundle.matchAll(/require\("([^"./][^"]*)"\)/g)].map((m) => m[1]!));
    const packages = [...required]
      .filter((name) => !name.startsWith('node:') && name !== 'electron')
      .map((name) => (name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!));
    expect(packages.length).toBeGreaterThan(3);
    for (const name of packages) expect(pkg.dependencies, name).toHaveProperty(name);
    // The sandboxed preload may require nothing but electron.
    const preload = readFileSync(join(root, 'dist/electron/preload.cjs'), 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
  });
});
