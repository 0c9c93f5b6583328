// What the 测算 grid's cells need from the view, handed to them through the grid's context.
import type { MoneyUnit } from '../../../shared/domain/pricing/money';
import type { SplitRule } from '../../../shared/domain/pricing/split-rules';

export interface PricingGridContext {
  unit: () => MoneyUnit;
  rules: () => readonly SplitRule[];
  /** Cohorts some region has a count or a share of. */
  countedCohorts: () => readonly string[];
  explainItem: (itemId: string) => void;
  applySuggestion: (itemId: string) => void;
  /** Items whose suggestion is being applied: their button waits. */
  applying: () => ReadonlySet<string>;
}
