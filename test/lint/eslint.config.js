// Lint for all three layers. The layer rules are the architecture: shared/ is pure, renderer/ reaches the
// Node side only through the contract, electron/ never imports the renderer, and AG Grid Enterprise is
// banned everywhere (the product uses AG Grid Community only).
import tseslint from 'typescript-eslint';

const enterprise = {
  regex: '^(@ag-grid-enterprise/|ag-grid-(charts-)?enterprise(/|$))',
  message: 'AG Grid Enterprise 不可使用：本产品只用 AG Grid Community。',
};
const nodeBuiltins = {
  regex: '^(node:|(fs|path|os|child_process|crypto|http|https|net|url|module|util|stream|worker_threads)(/|$))',
  message: 'Node 内置模块只属于 electron/ 层。',
};
const nodeSideLibraries = {
  regex: '^(electron|@duckdb/|exceljs|opencc-js|csv-parse|csv-stringify)(/|$)',
  message: '这些库只属于 electron/（Node 侧）。',
};

// What neither shared/ nor renderer/ may import: it belongs to the Node side.
const nodeSideOnly = [enterprise, nodeBuiltins, nodeSideLibraries];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test-results/**', 'playwright-report/**', '.data/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [enterprise] }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeSideOnly,
            { regex: '(^|/)(electron|renderer)/', message: 'shared/ 是纯领域代码，不能引用 electron/ 或 renderer/。' },
            { regex: '^(react|react-dom|ag-grid-community|ag-grid-react|@ag-grid-community/)(/|$)', message: 'shared/ 不能依赖界面库。' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeSideOnly,
            { regex: '^\\.+/(.*/)?electron/', message: 'renderer/ 只能经由 shared/contract 与 Node 侧通信，不能直接引用 electron/。' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [enterprise, { regex: '(^|/)renderer/', message: 'electron/ 不能引用 renderer/。' }] },
      ],
    },
  },
);
