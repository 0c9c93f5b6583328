// AG Grid's Chinese texts still name keys in English ("按 SPACE 取消选择此行", read out to screen readers
// and present in the page): the keys are named in Chinese here, the way a keyboard guide would.
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';

const KEY_NAMES: [RegExp, string][] = [
  [/\bSPACE\b/gu, '空格键'],
  [/\bENTER\b|\bEnter\b/gu, '回车键'],
  [/\bDELETE\b/gu, '删除键'],
  [/\bALT DOWN\b/gu, 'Alt+下方向键'],
  [/\bCTRL ENTER\b/gu, 'Ctrl+回车键'],
];

export const GRID_LOCALE: Record<string, string> = Object.fromEntries(
  Object.entries(AG_GRID_LOCALE_CN as Record<string, string>).map(([key, text]) => [
    key,
    KEY_NAMES.reduce((out, [pattern, name]) => out.replace(pattern, name), text),
  ]),
);
