// Every action × every role: allowed, or refused with UNAUTHENTICATED (no identity) or
// FORBIDDEN (identity without the role). The roles come from the one declaration in contracts/.
import { FUNCTIONS } from '../../contracts';
import { ROLES, type Role } from '../../contracts/roles';
import type { NodeDoc } from '../../server/domain/docs';
import { ACTION_EXAMPLES } from './examples';
import { demoRuntime, OPENID_BY_ROLE } from './runtime';

const actions = Object.entries(FUNCTIONS).flatMap(([fn, contract]) =>
  Object.entries(contract).map(([action, def]) => ({ fn, action, def, allowed: def.roles as readonly Role[] })),
);

describe('authorization matrix', () => {
  it('has an example input for every action', () => {
    expect(actions.map((a) => `${a.fn}.${a.action}`).filter((k) => !(k in ACTION_EXAMPLES))).toEqual([]);
  });

  const cases = actions.flatMap((a) => ROLES.map((role) => ({ ...a, role })));
  it.each(cases)('$fn.$action as $role', async ({ fn, action, def, allowed, role }) => {
    const runtime = demoRuntime();
    try {
      const reply = await runtime.call(fn, { action, ...ACTION_EXAMPLES[`${fn}.${action}`] }, OPENID_BY_ROLE[role]);
      const permitted = allowed.includes(role) || (role !== 'anonymous' && allowed.includes('resident'));
      if (permitted) {
        if (!reply.ok) expect(['UNAUTHENTICATED', 'FORBIDDEN', 'INVALID_INPUT']).not.toContain(reply.error.code);
        // What left through the compiled projection is exactly what zod itself would allow.
        else expect(def.output.parse(reply.data)).toEqual(reply.data);
      } else {
        expect(reply).toEqual({
          ok: false,
          error: { code: role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN', message: expect.any(String) },
        });
      }
    } finally {
      runtime.close();
    }
  });
});

// 动态调整 holds at every level: marking a 组长 or 片长 (not only a 邻长) away, unable or unfit, back, or
// replaced is the 管理员's alone; and, once marked, what each role may read of them by card.contact.
describe('authorization matrix: succession at every level', () => {
  const levels = [
    { nodeId: 'g1', who: 'groupLead' as const },
    { nodeId: 'a1', who: 'areaLead' as const },
    { nodeId: 'u1', who: 'neighbourLead' as const },
  ];
  const statuses = ['away', 'unable', 'unfit'] as const;
  const adminOnly = (role: Role) => role === 'admin';

  const marks = levels.flatMap((l) =>
    statuses.flatMap((status) =>
      ROLES.map((role) => ({ ...l, status, role })),
    ),
  );
  it.each(marks)('roster.markAway $nodeId as $status, then card.contact $who, as $role', async ({ nodeId, who, status, role }) => {
    const runtime = demoRuntime();
    try {
      const openid = OPENID_BY_ROLE[role];
      const mark = await runtime.call('roster', { action: 'markAway', nodeId, status, reason: '住院治疗' }, openid);
      if (!adminOnly(role)) {
        expect(mark).toMatchObject({ ok: false, error: { code: role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN' } });
        // Refused: nothing marked, the lead is handed out as before (to a signed-in caller).
        await runtime.call('roster', { action: 'markAway', nodeId, status, reason: '住院治疗' }, 'demo-admin');
      } else {
        expect(mark).toEqual({ ok: true, data: { ok: true } });
      }
      const contact = await runtime.call('card', { action: 'contact', unitId: 'u1', who }, openid);
      if (role === 'anonymous') expect(contact).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      else if (status === 'away') expect(contact).toMatchObject({ ok: true, data: { phone: expect.stringMatching(/^1\d{10}$/) } });
      else expect(contact).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
      // The card itself (anyone may open it) carries one full phone only: the 邻长's, to the resident
      // whose household is bound to u1 (their door card prints it), while the 邻长 may still be phoned.
      const card = await runtime.call('card', { action: 'get', unitId: 'u1' }, openid);
      const ownLeadPhone = role === 'resident' && (who !== 'neighbourLead' || status === 'away');
      const { phone, ...rest } = (card as { ok: true; data: { lead: { phone?: string } } }).data.lead;
      expect(phone === undefined).toBe(!ownLeadPhone);
      if (ownLeadPhone) expect(phone).toBe(((await runtime.store.collection('nodes').doc('u1').get()) as NodeDoc).lead!.phone);
      expect(JSON.stringify({ ...(card as { data: object }).data, lead: rest })).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    } finally {
      runtime.close();
    }
  });

  const others = levels.flatMap((l) =>
    (['markBack', 'succeed', 'history', 'invite'] as const).flatMap((action) => ROLES.map((role) => ({ ...l, action, role }))),
  );
  it.each(others)('roster.$action on $nodeId ($who) as $role', async ({ nodeId, action, role }) => {
    const runtime = demoRuntime();
    try {
      await runtime.call('roster', { action: 'markAway', nodeId, status: 'unfit', reason: '群众反映强烈' }, 'demo-admin');
      const input = action === 'succeed' ? { nodeId, name: '郑接替', phone: '13900007777', reason: '原三长不宜担任' } : { nodeId };
      const reply = await runtime.call('roster', { action, ...input }, OPENID_BY_ROLE[role]);
      const allowed = action === 'history' ? ['admin', 'neighbourLead', 'groupLead', 'areaLead'] : ['admin'];
      if (role === 'anonymous') expect(reply).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      else if (!allowed.includes(role)) expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      else if (role === 'admin') expect(reply).toMatchObject({ ok: true });
      // A lead reads the history of their own node only: FORBIDDEN elsewhere, never INVALID_INPUT.
      else if (!reply.ok) expect(reply.error.code).toBe('FORBIDDEN');
    } finally {
      runtime.close();
    }
  });
});

// Joining a household that has members waits for one of them (issue 14): of every role, only a
// member of the household (the demo resident, of h1) answers a request to join it or removes a
// member; everyone else — the waiting stranger too — is refused and h1 stays as it was.
describe('authorization matrix: household join with consent', () => {
  const callers = [...ROLES.map((role) => ({ who: role as string, openid: OPENID_BY_ROLE[role] })), { who: 'waiting stranger', openid: 'stranger' }];
  const rows = callers.flatMap((c) => (['approve', 'reject', 'removeMember'] as const).map((act) => ({ ...c, act })));
  it.each(rows)('household $act on h1 as $who', async ({ openid, who, act }) => {
    const runtime = demoRuntime();
    try {
      await runtime.call('card', { action: 'bind', unitId: 'u1', building: '1栋1单元', room: '101', people: 2 }, 'stranger');
      const before = (await runtime.store.collection('households').doc('h1').get()) as { members: string[]; requests: { id: string }[] };
      expect(before.requests).toHaveLength(1);
      // The removal rows aim at the resident, h1's only member.
      const mine = await runtime.call('household', { action: 'mine' }, 'demo-resident');
      const memberKey = mine.ok ? (mine.data as any).household.memberList[0].key : '';
      const input =
        act === 'removeMember'
          ? { action: 'removeMember', member: memberKey }
          : { action: 'decide', requestId: before.requests[0].id, approve: act === 'approve' };
      const reply = await runtime.call('household', input, openid);
      const after = await runtime.store.collection('households').doc('h1').get();
      if (who === 'resident' && act !== 'removeMember') {
        expect(reply).toMatchObject({ ok: true });
        expect(after!.requests).toEqual([]);
      } else {
        // Removing oneself goes through household.remove; the others are not members at all.
        const code = who === 'anonymous' ? 'UNAUTHENTICATED' : who === 'resident' ? 'FORBIDDEN' : 'NOT_FOUND';
        expect(reply).toMatchObject({ ok: false, error: { code } });
        expect(after).toEqual(before);
      }
    } finally {
      runtime.close();
    }
  });
});
