import type { Migration } from './index';

// Columns an imported annex may carry beside the official six: 服务内容 as its own column (the 2021 national
// standard), the second-level category ((一) 优孕优生服务) and 备注. Kept so nothing a file held is lost; the
// `dump` CSV prints them after the seven columns when a catalogue has any.
export const itemExtras: Migration = {
  version: 8,
  name: 'item extras: content, category, note',
  statements: [
    `ALTER TABLE items ADD COLUMN content VARCHAR`,
    `ALTER TABLE items ADD COLUMN category VARCHAR`,
    `ALTER TABLE items ADD COLUMN note VARCHAR`,
  ],
};
