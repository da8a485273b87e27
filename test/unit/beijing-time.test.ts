// The one Beijing-time module the pages use: every format reads UTC+8, whatever the zone the test runs in.
import {
  clockTime,
  cnDate,
  cnDateTime,
  DAY_MS,
  formatDate,
  formatDateTime,
  formatMonthDay,
  formatTime,
  fromPickers,
  shortDateTime,
  span,
  startOfDay,
} from '../../src/utils/beijingTime';

// 2025-11-25 16:05:09 UTC is already 11月26日 00:05 in Beijing.
const LATE_UTC = Date.UTC(2025, 10, 25, 16, 5, 9);

describe('beijingTime', () => {
  test('each format shows the Beijing date and time, the day after a late UTC evening', () => {
    expect(formatDate(LATE_UTC)).toBe('2025-11-26');
    expect(formatTime(LATE_UTC)).toBe('00:05');
    expect(formatDateTime(LATE_UTC)).toBe('2025-11-26 00:05');
    expect(formatMonthDay(LATE_UTC)).toBe('11月26日');
    expect(cnDate(LATE_UTC)).toBe('2025年11月26日');
    expect(cnDateTime(LATE_UTC)).toBe('2025年11月26日 00:05');
    expect(shortDateTime(LATE_UTC)).toBe('11月26日 00:05');
    expect(clockTime(LATE_UTC)).toBe('11-26 00:05:09');
  });

  test('the pickers’ values come back to the same minute, and a date alone is the start of its day', () => {
    const at = fromPickers('2025-11-26', '00:05');
    expect(at).toBe(Date.UTC(2025, 10, 25, 16, 5));
    expect(formatDate(at)).toBe('2025-11-26');
    expect(formatTime(at)).toBe('00:05');
    expect(fromPickers('2025-11-26')).toBe(Date.UTC(2025, 10, 25, 16, 0));
  });

  test('startOfDay is Beijing midnight, and the day before it is another day', () => {
    const start = startOfDay(LATE_UTC);
    expect(start).toBe(fromPickers('2025-11-26'));
    expect(startOfDay(start)).toBe(start);
    expect(formatDate(start - 1)).toBe('2025-11-25');
    expect(startOfDay(start + DAY_MS - 1)).toBe(start);
  });

  test('span names the year once when both ends share it', () => {
    expect(span(fromPickers('2025-11-25', '09:00'), fromPickers('2025-12-07', '20:00'))).toBe('2025年11月25日 09:00 至 12月7日 20:00');
    expect(span(fromPickers('2025-12-25', '09:00'), fromPickers('2026-01-07', '20:00'))).toBe('2025年12月25日 09:00 至 2026年1月7日 20:00');
  });
});
