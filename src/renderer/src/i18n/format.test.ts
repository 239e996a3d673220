import { describe, expect, it } from 'vitest';
import { formatters } from './format';

// A fixed instant, shown in the time zone the test runs in: compare with Intl's own parts for it.
const instant = Date.UTC(2026, 10, 27, 9, 5, 7);

describe('locale formatting', () => {
  const en = formatters('en');
  const zh = formatters('zh-CN');

  it('groups digits as 10,000 in both languages', () => {
    expect(en.number(10_000)).toBe('10,000');
    expect(zh.number(10_000)).toBe('10,000');
    expect(en.number(1234.5)).toBe('1,234.5');
  });

  it('writes dates in the language, whatever the OS default', () => {
    const year = new Intl.DateTimeFormat('en', { year: 'numeric' }).format(instant);
    expect(en.dateTime(instant)).toContain('Nov');
    expect(en.dateTime(instant)).toContain(year);
    expect(zh.dateTime(instant)).toMatch(/2026年11月2[67]日/);
    expect(zh.dayTime(instant)).toMatch(/^11月2[67]日/);
    expect(en.dayTime(instant)).toMatch(/^Nov 2[67]/);
    // ISO strings and Date objects give the same text as epoch ms; garbage is shown as it came.
    expect(en.dateTime(new Date(instant).toISOString())).toBe(en.dateTime(instant));
    expect(en.dateTime(new Date(instant))).toBe(en.dateTime(instant));
    expect(zh.dateTime('not a date')).toBe('not a date');
  });

  it('shows sizes in SI units with one decimal', () => {
    expect(en.bytes(512)).toBe('512 B');
    expect(en.bytes(1_234)).toBe('1.2 kB');
    expect(en.bytes(1_234_567)).toBe('1.2 MB');
    expect(en.bytes(5_000_000_000)).toBe('5 GB');
    expect(zh.bytes(512)).toBe('512 B');
    expect(zh.bytes(1_234_567)).toBe('1.2 MB');
    expect(en.bytes(-3)).toBe('0 B');
  });

  it('shows durations as a clock: minutes:seconds under an hour, hours:minutes:seconds above', () => {
    expect(en.duration(0)).toBe('0:00');
    expect(en.duration(5_999)).toBe('0:05');
    expect(en.duration(65_000)).toBe('1:05');
    expect(zh.duration(3_723_000)).toBe('1:02:03');
    expect(en.duration(100 * 3_600_000)).toBe('100:00:00');
    expect(en.duration(-1)).toBe('0:00');
  });

  it('says how far a time is, in the language', () => {
    const now = instant;
    expect(en.relative(now + 5 * 60_000, now)).toBe('in 5 minutes');
    expect(zh.relative(now + 5 * 60_000, now)).toBe('5分钟后');
    expect(en.relative(now - 2 * 3_600_000, now)).toBe('2 hours ago');
    expect(zh.relative(now - 2 * 3_600_000, now)).toBe('2小时前');
    expect(en.relative(now - 86_400_000, now)).toBe('yesterday');
    expect(zh.relative(now - 86_400_000, now)).toBe('昨天');
    expect(en.relative(now + 10_000, now)).toBe('in 10 seconds');
  });

  it('caches one set of formatters per language', () => {
    expect(formatters('en')).toBe(en);
    expect(formatters('zh-CN')).toBe(zh);
    expect(formatters('zh-CN')).not.toBe(en);
  });
});
