// How long a cell may be, per column: generous beside the longest text any seeded plan holds (a 服务标准
// of 318 characters, a 服务对象 of 161, a 领域 name of 9), short enough that a paste gone wrong — a whole
// page dropped into one cell — is refused with a message instead of stored.
import type { ItemField } from './catalogue';

export const ITEM_TEXT_LIMITS: Record<ItemField, number> = {
  name: 200,
  targetGroup: 1000,
  standard: 2000,
  fundingResponsibility: 1000,
  leadDepartment: 500,
};

export const DOMAIN_NAME_LIMIT = 50;

/** The length a person counts: characters, not UTF-16 units (an extension-B 汉字 is one). */
export function textLength(text: string): number {
  return [...text].length;
}
