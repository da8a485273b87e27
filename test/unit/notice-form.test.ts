// The publish form's own checks (Chinese messages before sending) and its 有效期 arithmetic:
// "7 天" ends at 23:59:59.999 Beijing time of the seventh day, whatever the phone's zone.
import { notice } from '../../contracts/notice';
import { checkDraft, expiryOf, newDraft } from '../../src/notice/parts/noticeForm';

const NOW = Date.UTC(2026, 11, 7, 17, 30); // 2026-12-08 01:30 Beijing
const filled = { ...newDraft('a1'), title: '停水通知', body: '周六上午停水检修' };

describe('notice publish form', () => {
  test('ends an expiry at the end of a Beijing day', () => {
    expect(expiryOf(NOW, 3)).toBe(Date.UTC(2026, 11, 11, 16, 0) - 1); // 2026-12-11 23:59:59.999 Beijing
    expect(expiryOf(Date.UTC(2026, 11, 7, 15, 59), 0)).toBe(Date.UTC(2026, 11, 7, 16, 0) - 1);
  });

  test('sends what the contract accepts', () => {
    const checked = checkDraft({ ...filled, pinned: true, expiry: { days: 7 } }, NOW);
    expect(checked).toEqual({
      ok: true,
      input: { scopeId: 'a1', title: '停水通知', body: '周六上午停水检修', images: [], pinned: true, expiresAt: expiryOf(NOW, 7) },
    });
    if (checked.ok) expect(notice.publish.input.safeParse(checked.input).success).toBe(true);
    expect(checkDraft({ ...filled, expiry: { days: 0 } }, NOW)).toMatchObject({ ok: true, input: { expiresAt: null } });
    expect(checkDraft({ ...filled, expiry: { keep: 123 } }, NOW)).toMatchObject({ ok: true, input: { expiresAt: 123 } });
  });

  test.each([
    [{ scopeId: '' }, '请选择发布范围'],
    [{ title: '  ' }, '请填写通知标题'],
    [{ title: '长'.repeat(41) }, '标题最多 40 个字'],
    [{ body: '' }, '请填写通知正文'],
    [{ images: Array.from({ length: 10 }, (_, i) => `local:uploads/${i}.png`) }, '最多 9 张图片'],
  ])('refuses %o with a Chinese message', (change, message) => {
    expect(checkDraft({ ...filled, ...change }, NOW)).toEqual({ ok: false, message });
  });
});
