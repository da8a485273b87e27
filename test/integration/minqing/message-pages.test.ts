// A subscribe message opens a page of the mini program: the problem's detail, or the minutes of
// the 民情恳谈会 (a page path that does not exist opens nothing in WeChat).
import { minqingSubpackage } from '../../../src/minqing/subpackage';
import { setup, AREA, DAY, LEAD, RESIDENT } from './helpers';

const PAGES = new Set(minqingSubpackage.pages.map((p) => `${minqingSubpackage.root}/${p}`));

describe('民情 subscribe messages', () => {
  it('open the problem or the published minutes, pages of the minqing subpackage', async () => {
    const s = setup();
    const p = await s.report({ description: '单元门禁坏了' });
    await s.ok(LEAD, 'accept', { id: p.id });
    await s.ok(LEAD, 'classify', { id: p.id, class: 'minor' });
    const { meeting } = await s.ok(AREA, 'scheduleMeeting', { startsAt: s.clock.now() + DAY, place: '社区党群服务中心' });
    await s.ok(AREA, 'recordMinutes', { meetingId: meeting.id, problemId: p.id, decision: '物业三天内修好', outcome: 'resolve' });
    await s.ok(AREA, 'publishMinutes', { meetingId: meeting.id });
    const sent = s.rt.ports.notifier.sent.filter((m) => m.touser === RESIDENT);
    expect(sent.length).toBeGreaterThanOrEqual(4);
    for (const m of sent) expect(PAGES).toContain(String(m.page).split('?')[0]);
    expect(sent.map((m) => m.page)).toContain(`minqing/meeting?id=${meeting.id}`);
  });
});
