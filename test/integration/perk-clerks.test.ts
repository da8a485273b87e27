// A partner's 核销员: the 管理员's partner page shows who is bound (and the codes not yet used), and removes
// someone who has left: they can no longer verify, and an unused code no longer binds.
import { ADMIN, CLERK, NL, ok, perkCall, perkRuntime } from './perk-helpers';

const claim = (rt: ReturnType<typeof perkRuntime>, code: string, openid: string) => rt.call('account', { action: 'claim', code }, openid);

describe('perk: clerks', () => {
  it('lists the bound clerks and the waiting codes of a partner, newest first', async () => {
    const rt = perkRuntime();
    // The demo clerk of 湘味小厨 was bound with a code.
    expect(ok(await perkCall(rt, 'partner', { partnerId: 'p1' }, ADMIN)).clerks).toEqual([
      { code: '20260001', label: '收银员小陈', state: 'bound', at: expect.any(Number) },
    ]);
    const invite = ok(await perkCall(rt, 'clerkInvite', { partnerId: 'p1', label: '晚班店员小刘' }, ADMIN));
    const items = ok(await perkCall(rt, 'partner', { partnerId: 'p1' }, ADMIN)).clerks;
    expect(items.map((c: { code: string; state: string; label: string }) => [c.code, c.state, c.label])).toEqual([
      [invite.code, 'waiting', '晚班店员小刘'],
      ['20260001', 'bound', '收银员小陈'],
    ]);
    expect(items[0].at).toBe(invite.expiresAt);
    // Another partner's list does not show them.
    expect(ok(await perkCall(rt, 'partner', { partnerId: 'p9' }, ADMIN)).clerks).toEqual([]);
  });

  it('removing a clerk takes their verification away; removing an unused code makes it unusable', async () => {
    const rt = perkRuntime();
    const pass = ok(await perkCall(rt, 'pass', { perkId: 'p1k1' }, NL));
    ok(await perkCall(rt, 'removeClerk', { partnerId: 'p1', code: '20260001' }, ADMIN));
    expect(await perkCall(rt, 'verify', { token: pass.token }, CLERK)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(ok(await perkCall(rt, 'partner', { partnerId: 'p1' }, ADMIN)).clerks).toEqual([]);
    // Removing twice is harmless.
    ok(await perkCall(rt, 'removeClerk', { partnerId: 'p1', code: '20260001' }, ADMIN));

    const unused = ok(await perkCall(rt, 'clerkInvite', { partnerId: 'p1' }, ADMIN));
    ok(await perkCall(rt, 'removeClerk', { partnerId: 'p1', code: unused.code }, ADMIN));
    expect(await claim(rt, unused.code, 'new-clerk')).toMatchObject({ ok: false, error: { code: 'CLOSED', message: expect.stringContaining('作废') } });

    // A fresh code binds again, and that clerk verifies.
    const again = ok(await perkCall(rt, 'clerkInvite', { partnerId: 'p1', label: '收银员小陈' }, ADMIN));
    expect(await claim(rt, again.code, CLERK)).toMatchObject({ ok: true });
    expect(ok(await perkCall(rt, 'verify', { token: pass.token }, CLERK))).toMatchObject({ verdict: 'valid' });
  });

  it('one person bound twice is removed as a whole', async () => {
    const rt = perkRuntime();
    const second = ok(await perkCall(rt, 'clerkInvite', { partnerId: 'p1', label: '小陈（换了手机号重新绑定）' }, ADMIN));
    expect(await claim(rt, second.code, CLERK)).toMatchObject({ ok: true });
    expect(ok(await perkCall(rt, 'partner', { partnerId: 'p1' }, ADMIN)).clerks).toHaveLength(2);
    ok(await perkCall(rt, 'removeClerk', { partnerId: 'p1', code: second.code }, ADMIN));
    expect(ok(await perkCall(rt, 'partner', { partnerId: 'p1' }, ADMIN)).clerks).toEqual([]);
    const who = await rt.call('account', { action: 'whoami' }, CLERK);
    expect(who).toMatchObject({ ok: true });
    expect((who as { data: { roles: string[] } }).data.roles).not.toContain('clerk');
  });

  it('refuses codes of other partners, lead codes, and other scopes', async () => {
    const rt = perkRuntime();
    expect(await perkCall(rt, 'removeClerk', { partnerId: 'p9', code: '20260001' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await perkCall(rt, 'removeClerk', { partnerId: 'p1', code: '99999999' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await perkCall(rt, 'removeClerk', { partnerId: 'p1', code: 'abc' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '绑定码是8位数字' } });
    expect(await perkCall(rt, 'removeClerk', { partnerId: 'p1', code: '20260001' }, CLERK)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
