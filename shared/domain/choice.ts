// A name typed for one of a fixed list (a split rule, a unit): the same reading wherever it is typed, in a
// grid cell or in a file imported.

export interface ChoiceOption {
  value: string;
  label: string;
}

/**
 * The option a typed text names: by its name or stored value, else the one option whose name contains the
 * text; otherwise the text itself, which the save then refuses with the reason. Empty text clears the cell.
 */
export function resolveChoice(text: string, options: readonly ChoiceOption[]): string | null {
  const typed = text.trim();
  if (typed === '') return null;
  const exact = options.find((o) => o.label === typed || o.value === typed);
  if (exact) return exact.value;
  const containing = options.filter((o) => o.label.includes(typed));
  return containing.length === 1 ? containing[0]!.value : typed;
}

/** Why a typed text names no option: none has it in its name, or several do (the planner writes more of one). */
export function unresolvedChoice(text: string, options: readonly ChoiceOption[], what: string): string {
  const typed = text.trim();
  const containing = options.filter((o) => o.label.includes(typed)).map((o) => `“${o.label}”`);
  return containing.length > 1
    ? `“${typed}”不止指一个${what}（${containing.join('、')}），请写出完整名称`
    : `没有名为“${typed}”的${what}`;
}
