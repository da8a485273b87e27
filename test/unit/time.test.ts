import { beijingDay, beijingMonth, beijingWeek, startOfBeijingDay } from '../../server/core/time';

describe('Beijing time', () => {
  it('puts 23:59:59 and 00:00:00 Beijing time on different days', () => {
    const lastSecond = Date.UTC(2026, 10, 25, 15, 59, 59); // 2026-11-25 23:59:59 +08:00
    const midnight = Date.UTC(2026, 10, 25, 16, 0, 0); // 2026-11-26 00:00:00 +08:00
    expect(beijingDay(lastSecond)).toBe('20261125');
    expect(beijingDay(midnight)).toBe('20261126');
    expect(startOfBeijingDay(lastSecond)).toBe(Date.UTC(2026, 10, 24, 16, 0, 0));
  });

  it('keys months and Monday-based weeks by Beijing date', () => {
    expect(beijingMonth(Date.UTC(2026, 10, 30, 16, 0, 0))).toBe('202612'); // Dec 1st 00:00 Beijing
    expect(beijingWeek(Date.UTC(2026, 10, 29, 15, 0, 0))).toBe('20261123'); // Sunday 23:00 → week of Mon 23rd
    expect(beijingWeek(Date.UTC(2026, 10, 29, 16, 0, 0))).toBe('20261130'); // Monday 00:00
  });
});

describe('fixed-offset keys agree with the time-zone database', () => {
  it('for every hour of two years', () => {
    const { beijing } = jest.requireActual('../../server/core/time') as typeof import('../../server/core/time');
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 3600_000) {
      const d = beijing(t);
      expect(beijingDay(t)).toBe(d.format('YYYYMMDD'));
      expect(beijingMonth(t)).toBe(d.format('YYYYMM'));
      expect(startOfBeijingDay(t)).toBe(d.startOf('day').valueOf());
    }
  });
});

describe('formatBeijing', () => {
  it('formats like dayjs in Asia/Shanghai', () => {
    const { beijing, formatBeijing } = jest.requireActual('../../server/core/time') as typeof import('../../server/core/time');
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2026, 1, 1); t += 3600_000 + 61_000) {
      for (const fmt of ['YYYY-MM-DD HH:mm', 'M月D日', 'M月D日 HH:mm', 'YYYY-MM-DD HH:mm:ss', 'YYYYMMDD']) {
        expect(formatBeijing(t, fmt)).toBe(beijing(t).format(fmt));
      }
    }
  });
});
