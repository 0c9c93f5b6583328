import { describe, expect, it } from 'vitest';
import { resolveChoice, unresolvedChoice } from '../../shared/domain/choice';

const rules = [
  { value: 'central-100', label: '中央全额承担' },
  { value: 'tier-shared', label: '中央按档分担，省市县按比例' },
  { value: 'central-60', label: '中央60%，省市县按比例' },
];

describe('a choice typed on its cell', () => {
  it('is the option it names, by name, stored value or the one name containing it', () => {
    expect(resolveChoice('中央全额承担', rules)).toBe('central-100');
    expect(resolveChoice(' tier-shared ', rules)).toBe('tier-shared');
    expect(resolveChoice('按档', rules)).toBe('tier-shared');
    expect(resolveChoice('60%', rules)).toBe('central-60');
  });

  it('stays as typed when no option or several match (the save refuses it with the reason), and clears when empty', () => {
    expect(resolveChoice('省市县按比例', rules)).toBe('省市县按比例');
    expect(resolveChoice('xyz', rules)).toBe('xyz');
    expect(resolveChoice('  ', rules)).toBeNull();
  });

  it('is refused saying which options a part names, or that none has it', () => {
    expect(unresolvedChoice('省市县按比例', rules, '分担规则')).toBe('“省市县按比例”不止指一个分担规则（“中央按档分担，省市县按比例”、“中央60%，省市县按比例”），请写出完整名称');
    expect(unresolvedChoice('xyz', rules, '分担规则')).toBe('没有名为“xyz”的分担规则');
  });
});
