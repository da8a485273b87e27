// The 最美邻长评选 pages' own logic: Beijing times in and out of the pickers (whatever the
// machine's zone), the campaign form's checks (the contract's, in Chinese, before sending)
// and the requestId each vote tap makes.
import { campaignView } from '../../server/features/vote/views';
import { vote } from '../../contracts/vote';
import { checkDraft, draftOf, newDraft } from '../../src/vote/parts/campaignForm';
import { newRequestId } from '../../src/vote/parts/requestId';
import { formatDate, formatTime, fromPickers, span } from '../../src/utils/beijingTime';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
// 2026-11-25 23:59 Beijing = 15:59 UTC.
const LATE = Date.UTC(2026, 10, 25, 15, 59);

describe('Beijing time pickers', () => {
  test('a late evening in Beijing is that Beijing day, whatever the UTC date', () => {
    expect(formatDate(LATE)).toBe('2026-11-25');
    expect(formatTime(LATE)).toBe('23:59');
    expect(formatDate(LATE + 60_000)).toBe('2026-11-26');
    expect(formatTime(LATE + 60_000)).toBe('00:00');
  });

  test('pickers back to epoch ms round-trip', () => {
    expect(fromPickers('2026-11-25', '23:59')).toBe(LATE);
    expect(fromPickers(formatDate(LATE), formatTime(LATE))).toBe(LATE);
  });

  test('a window reads in Chinese, the year once', () => {
    expect(span(fromPickers('2026-11-25', '09:00'), fromPickers('2026-12-07', '20:00'))).toBe('2026年11月25日 09:00 至 12月7日 20:00');
    expect(span(fromPickers('2026-12-25', '09:00'), fromPickers('2027-01-07', '20:00'))).toBe('2026年12月25日 09:00 至 2027年1月7日 20:00');
  });
});

describe('campaign form', () => {
  const now = Date.UTC(2026, 10, 25, 2, 30);
  const base = { ...newDraft(now, 'c1'), title: '最美邻长评选', description: '评选身边的好邻长。' };

  test('the defaults pass the contract', () => {
    const checked = checkDraft(base);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(vote.save.input.safeParse(checked.input).success).toBe(true);
    expect(base.nominateFrom).toBe(Date.UTC(2026, 10, 25, 3, 0)); // the next full hour
  });

  test.each([
    [{ title: ' ' }, '请填写活动标题'],
    [{ description: '' }, '请填写活动说明'],
  ])('%o → %s', (patch, message) => {
    expect(checkDraft({ ...base, ...patch })).toEqual({ ok: false, message });
  });

  test.each([
    [{ nominateUntil: base.nominateFrom }, '提名截止时间应晚于提名开始时间'],
    [{ voteFrom: base.nominateUntil - HOUR }, '投票应在提名截止之后开始'],
    [{ voteUntil: base.voteFrom }, '投票截止时间应晚于投票开始时间'],
    [{ voteUntil: base.nominateFrom + 181 * DAY }, '一次评选最长 180 天'],
    [{ perDay: 2, perCandidatePerDay: 3 }, '每位候选人每天可投票数不能超过每天总票数'],
  ])('%o → %s (the contract says the same)', (patch, message) => {
    const draft = { ...base, ...patch };
    expect(checkDraft(draft)).toEqual({ ok: false, message });
    // What the server would answer to the same fields.
    const { cover: _none, badge: _default, ...fields } = draft;
    const parsed = vote.save.input.safeParse(fields);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues.map((i) => i.message)).toContain(message);
  });

  test('editing sends the id, the same scope and the rules unchanged', () => {
    const c = campaignView(
      {
        _id: 'v1',
        title: 't',
        description: 'd',
        scopeNodeId: 'c1',
        scopeLevel: 'community',
        scopeName: '幸福里社区',
        at: { community: 'c1' },
        ...{ nominateFrom: base.nominateFrom, nominateUntil: base.nominateUntil, voteFrom: base.voteFrom, voteUntil: base.voteUntil },
        eligibility: 'scope',
        perDay: 5,
        perCandidatePerDay: 2,
        minGapSeconds: 10,
        ranking: 'after',
        honorees: 7,
        badge: '2026年度最美邻长',
        lastNo: 0,
        approvedCount: 0,
        blocked: [],
        alertCount: 0,
        createdBy: 'a',
        createdAt: now,
        updatedAt: now,
        results: null,
      },
      now,
      true,
    );
    const checked = checkDraft(draftOf(c), 'v1');
    expect(checked).toMatchObject({ ok: true, input: { id: 'v1', scopeNodeId: 'c1', eligibility: 'scope', perDay: 5, perCandidatePerDay: 2, minGapSeconds: 10, ranking: 'after', honorees: 7 } });
  });
});

describe('vote requestId', () => {
  test('each tap makes a new id the contract accepts', () => {
    const ids = Array.from({ length: 200 }, newRequestId);
    expect(new Set(ids).size).toBe(200);
    for (const id of ids) expect(/^[0-9A-Za-z_-]{8,64}$/.test(id)).toBe(true);
  });
});
