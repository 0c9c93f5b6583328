// electron-builder downloads Electron, so it cannot run here; check what it would package instead.
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { seedsDir } from '../../../electron/paths/locations';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const built = existsSync(join(root, 'dist/electron/main.cjs'));

function nativeAddons(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.node'))
    .map((e) => join(e.parentPath, e.name));
}

describe('electron-builder.yml', () => {
  it('unpacks DuckDB’s native bindings from the asar', () => {
    expect(config.asar).toBe(true);
    // Every native .node file that would be packaged is under a folder the asarUnpack patterns cover.
    const natives = nativeAddons(join(root, 'node_modules/@duckdb')).map((f) => relative(root, f).split(sep).join('/'));
    expect(natives.length).toBeGreaterThan(0);
    const folders = (config.asarUnpack as string[]).map((p) => {
      expect(p, 'only folder/** patterns are understood here').toMatch(/\/\*\*$/);
      return p.slice(0, -2);
    });
    for (const file of natives) expect(folders.some((f) => file.startsWith(f)), file).toBe(true);
  });

  it('flips Electron’s fuses: no run-as-node, NODE_OPTIONS or inspect; asar only and integrity-checked', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds an NSIS installer for Windows and an AppImage for Linux', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis']);
    expect(config.linux.target.map((t: { target: string }) => t.target)).toEqual(['AppImage']);
  });

  it('ships the seeds as resources, where the app looks for them', () => {
    expect(config.extraResources).toContainEqual({ from: 'seeds', to: 'seeds' });
    expect(existsSync(join(root, 'seeds/documents/hebei-13th-plan.txt'))).toBe(true);
    const resources = mkdtempSync(join(tmpdir(), 'qingdan-resources-'));
    cpSync(join(root, 'seeds'), join(resources, 'seeds'), { recursive: true });
    const proc = process as { resourcesPath?: string };
    proc.resourcesPath = resources;
    try {
      expect(seedsDir()).toBe(join(resources, 'seeds'));
    } finally {
      delete proc.resourcesPath;
      rmSync(resources, { recursive: true, force: true });
    }
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
