// Reading typed values out of plain rows, the same way in every query module.
import type { Plain } from './plain-values';

export const text = (value: Plain | undefined): string => (value === null || value === undefined ? '' : String(value));
export const textOrNull = (value: Plain | undefined): string | null => (value === null || value === undefined ? null : String(value));
export const numberOrNull = (value: Plain | undefined): number | null => (value === null || value === undefined ? null : Number(value));
