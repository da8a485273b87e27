// 民情设置 and 办理统计 on the pages: the deadline form says what is wrong in Chinese before
// sending and sends only what the contract accepts; the rates read as a staffer expects.
import { minqing } from '../../contracts/minqing';
import { DEFAULT_DEADLINES } from '../../contracts/minqing-labels';
import { checkDeadlines, DEADLINE_SPECS, defaultTexts, textsOf } from '../../src/minqing/parts/deadlineForm';
import { rateFigures, rateLine, rateParts } from '../../src/minqing/parts/rates';

const rates = (over: Partial<Record<string, number | null>> = {}) => ({
  received: 0,
  accepted: 0,
  acceptedInTime: 0,
  resolved: 0,
  resolvedInTime: 0,
  rated: 0,
  satisfied: 0,
  responseRate: null,
  onTimeRate: null,
  satisfactionRate: null,
  ...over,
});

describe('民情设置 › 办理时限 form', () => {
  test('the defaults pass and are what the contract accepts', () => {
    const checked = checkDeadlines(defaultTexts());
    expect(checked).toEqual({ ok: true, deadlines: { ...DEFAULT_DEADLINES } });
    if (checked.ok) expect(minqing.setDeadlines.input.safeParse({ deadlines: checked.deadlines }).success).toBe(true);
  });

  test('every box has the contract’s bounds: one past either end is refused in Chinese, the ends pass', () => {
    for (const s of DEADLINE_SPECS) {
      // 紧急 can be at most the ordinary accept time: give both room for each box's own ends.
      const base = { ...defaultTexts(), acceptHours: '168', urgentAcceptHours: '1' };
      for (const bad of [s.min - 1, s.max + 1]) {
        const got = checkDeadlines({ ...base, [s.key]: String(bad) });
        expect(got).toEqual({ ok: false, key: s.key, message: `${s.label}请填 ${s.min}–${s.max} ${s.unit}的整数` });
        const deadlines = { ...DEFAULT_DEADLINES, acceptHours: 168, urgentAcceptHours: 1, [s.key]: bad };
        expect(minqing.setDeadlines.input.safeParse({ deadlines }).success).toBe(false);
      }
      for (const ok of [s.min, s.max]) {
        const got = checkDeadlines({ ...base, [s.key]: String(ok) });
        expect(got.ok).toBe(true);
        if (got.ok) expect(minqing.setDeadlines.input.safeParse({ deadlines: got.deadlines }).success).toBe(true);
      }
    }
  });

  test('refuses empty, fractional and non-numeric text, and 紧急 longer than 受理', () => {
    for (const text of ['', ' ', '2.5', '两', '-3']) expect(checkDeadlines({ ...defaultTexts(), personalDays: text }).ok).toBe(false);
    expect(checkDeadlines({ ...defaultTexts(), acceptHours: '12', urgentAcceptHours: '13' })).toEqual({
      ok: false,
      key: 'urgentAcceptHours',
      message: '紧急问题的受理时限不能长于一般受理时限',
    });
    expect(checkDeadlines(textsOf({ ...DEFAULT_DEADLINES, acceptHours: 12, urgentAcceptHours: 12 })).ok).toBe(true);
  });
});

describe('办理统计 figures', () => {
  test('nothing counted yet reads — with a plain reason', () => {
    expect(rateFigures(rates()).map((f) => [f.label, f.value, f.basis, f.low])).toEqual([
      ['响应率', '—', ['还没有收到反映', ''], false],
      ['按期办结率', '—', ['还没有办结的', ''], false],
      ['满意率', '—', ['还没有居民评价', ''], false],
    ]);
    expect(rateLine(rates())).toBe('响应 — · 按期 — · 满意 —');
  });

  test('percentages with what they count; below 80% is flagged', () => {
    const r = rates({ received: 12, accepted: 11, acceptedInTime: 11, responseRate: 0.917, resolved: 8, resolvedInTime: 6, onTimeRate: 0.75, rated: 5, satisfied: 5, satisfactionRate: 1 });
    expect(rateFigures(r).map((f) => [f.value, f.basis, f.low])).toEqual([
      ['92%', ['按时受理 11 件', '收到 12 件（1 件未受理）'], false],
      ['75%', ['按期办结 6 件', '办结 8 件'], true],
      ['100%', ['满意 5 件', '评价 5 件'], false],
    ]);
    expect(rateLine(r)).toBe('响应 92% · 按期 75% · 满意 100%');
    expect(rateParts(r)).toEqual([
      { key: 'response', text: '响应 92%', low: false, none: false },
      { key: 'onTime', text: '按期 75%', low: true, none: false },
      { key: 'satisfaction', text: '满意 100%', low: false, none: false },
    ]);
    // All received accepted: no 未受理 note.
    expect(rateFigures({ ...r, accepted: 12 })[0].basis).toEqual(['按时受理 11 件', '收到 12 件']);
  });
});
