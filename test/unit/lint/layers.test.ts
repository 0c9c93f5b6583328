// The layer rules are only worth having if lint really refuses a crossing: try each one.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: 'test/lint/eslint.config.js' });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries', () => {
  it('keeps the renderer away from the Node side', async () => {
    expect(await restricted('renderer/src/x.ts', "import { Database } from '../../electron/db/database';\nexport { Database };\n")).toHaveLength(1);
    expect(await restricted('renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nexport { readFileSync };\n")).toHaveLength(1);
    expect(await restricted('renderer/src/x.ts', "import ExcelJS from 'exceljs';\nexport { ExcelJS };\n")).toHaveLength(1);
    expect(await restricted('renderer/src/x.ts', "import { invoke } from './api/client';\nexport { invoke };\n")).toHaveLength(0);
  });

  it('keeps shared/ pure', async () => {
    expect(await restricted('shared/domain/x.ts', "import { join } from 'node:path';\nexport { join };\n")).toHaveLength(1);
    expect(await restricted('shared/domain/x.ts', "import { useState } from 'react';\nexport { useState };\n")).toHaveLength(1);
    expect(await restricted('shared/domain/x.ts', "import { App } from '../../renderer/src/App';\nexport { App };\n")).toHaveLength(1);
    expect(await restricted('shared/domain/x.ts', "import { z } from 'zod';\nexport { z };\n")).toHaveLength(0);
  });

  it('keeps electron/ from importing the renderer', async () => {
    expect(await restricted('electron/x.ts', "import { App } from '../renderer/src/App';\nexport { App };\n")).toHaveLength(1);
  });

  it('bans AG Grid Enterprise in every layer', async () => {
    for (const file of ['renderer/src/x.ts', 'shared/x.ts', 'electron/x.ts', 'test/x.ts']) {
      expect(await restricted(file, "import 'ag-grid-enterprise';\n")).toHaveLength(1);
    }
  });
});
