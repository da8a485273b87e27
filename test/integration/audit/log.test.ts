// The audit log: each audited action (contracts/audited.ts) leaves exactly one entry — who, in
// which role, when, what, where — when it changes something; nothing edits or removes an entry;
// a 管理员 reads the entries of their subtree, filtered by who and what, page by page.
import { FUNCTIONS } from '../../../contracts';
import { AUDITED, type AuditedAction } from '../../../contracts/audited';
import { ROLES, type Role } from '../../../contracts/roles';
import { makeCtx } from '../../../server/core/router';
import { ACTION_EXAMPLES } from '../examples';
import { demoRuntime, OPENID_BY_ROLE, T0 } from '../runtime';
import { ADMIN, perform, RESIDENT, SCENARIOS, world } from './scenarios';

const audited = Object.keys(AUDITED) as AuditedAction[];
const rolesOf = (name: string): readonly Role[] => {
  const [fn, action] = name.split('.');
  return (FUNCTIONS as unknown as Record<string, Record<string, { roles: readonly Role[] }>>)[fn][action].roles;
};

describe('audit log: every audited action writes its entry', () => {
  it('has a scenario for every audited action', () => {
    expect(audited.filter((a) => !(a in SCENARIOS))).toEqual([]);
  });

  // Each action on a fresh demo 社区, run for real through the router; the log already holds an
  // entry (and whatever the steps before wrote): the call adds exactly its own and leaves those as they were.
  it.each(audited)('%s', async (name) => {
    const w = world();
    await w.ok('roster', 'invite', { nodeId: 'u4' }, ADMIN);
    const { as, prepare, entry: expected } = SCENARIOS[name];
    const kept: Record<string, unknown> = {};
    const input = await prepare(w, kept);
    const prior = await w.rt.store.collection('auditLog').orderBy('key', 'asc').get();
    expect(prior.length).toBeGreaterThan(0);
    const [fn, action] = name.split('.');
    const reply = await w.rt.call(fn, { action, ...input }, as);
    expect(reply).toMatchObject({ ok: true });
    const now = await w.rt.store.collection('auditLog').orderBy('key', 'asc').get();
    expect(now).toHaveLength(prior.length + 1);
    for (const e of prior) expect(now.find((x) => x._id === e._id)).toEqual(e);
    const entry = now.find((e) => !prior.some((p) => p._id === e._id))!;
    const want = await expected(w, { input, data: reply.ok ? reply.data : null, kept });
    // Who, in which role, when, what, on what, and the ids before and after.
    expect(entry).toMatchObject({ by: as, what: name, t: w.clock.now() });
    const allowed = rolesOf(name);
    expect(allowed.includes(entry.role) || allowed.includes('resident')).toBe(true);
    expect(entry.subject).toBe(want.subject);
    expect({ before: entry.before, after: entry.after }).toEqual({ before: want.before, after: want.after });
    for (const id of [...want.before, ...want.after]) expect(id).toEqual(expect.any(String));
    // Every scenario happens in the demo 社区: its 管理员 sees the entry.
    expect(entry.at).toMatchObject({ community: 'c1', ...want.at });
    w.rt.close();
  });

  it('a call that changes nothing (a dry run, saving what is stored) leaves no entry', async () => {
    const w = world();
    const input = await SCENARIOS['roster.import'].prepare(w, {});
    await w.ok('roster', 'import', { ...input, dryRun: true }, ADMIN);
    await w.ok('perk', 'setPartnerStatus', { partnerId: 'p1', status: 'active' }, ADMIN);
    expect(await w.rt.store.collection('auditLog').count()).toBe(0);
    w.rt.close();
  });

  it('a refused call leaves no entry', async () => {
    const w = world();
    const r = await w.rt.call('roster', { action: 'succeed', nodeId: 'u3', name: '郑接替', phone: '13900007777', reason: '原邻长外出' }, RESIDENT);
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await w.rt.store.collection('auditLog').count()).toBe(0);
    w.rt.close();
  });

  it('names the lead replaced and the lead after a succession', async () => {
    const w = world();
    const before = (await w.rt.store.collection('nodes').doc('u3').get())!.lead!.id;
    await w.ok('roster', 'succeed', { nodeId: 'u3', name: '郑接替', phone: '13900007777', reason: '原邻长外出务工' }, ADMIN);
    const after = (await w.rt.store.collection('nodes').doc('u3').get())!.lead!.id;
    const [entry] = await w.rt.store.collection('auditLog').where({ what: 'roster.succeed' }).get();
    expect(entry).toMatchObject({ by: ADMIN, role: 'admin', subject: 'u3', before: [before], after: [after], at: { community: 'c1', unit: 'u3' } });
    w.rt.close();
  });
});

describe('audit log: append-only', () => {
  it('no action edits or removes an entry (every action, as every role)', async () => {
    const w = world();
    for (const name of ['roster.markAway', 'roster.invite', 'perk.clerkInvite', 'minqing.addCategory'] as const) {
      await perform(w, name);
    }
    const snapshot = await w.rt.store.collection('auditLog').orderBy('key', 'asc').get();
    expect(snapshot.length).toBe(4);
    for (const [fn, contract] of Object.entries(FUNCTIONS)) {
      for (const action of Object.keys(contract)) {
        for (const role of ROLES) await w.rt.call(fn, { action, ...ACTION_EXAMPLES[`${fn}.${action}`] }, OPENID_BY_ROLE[role]);
      }
    }
    const now = await w.rt.store.collection('auditLog').orderBy('key', 'asc').get();
    for (const e of snapshot) expect(now.find((x) => x._id === e._id)).toEqual(e);
    expect(now.length).toBeGreaterThan(snapshot.length); // the calls above were logged too
    w.rt.close();
  });

  it("the handlers' store refuses to update, replace or remove an entry", async () => {
    const rt = demoRuntime();
    await rt.call('roster', { action: 'invite', nodeId: 'u3' }, ADMIN);
    const [entry] = await rt.store.collection('auditLog').get();
    const { store } = makeCtx(rt.ports, { openid: ADMIN });
    const log = store.collection('auditLog');
    await expect(log.doc(entry._id).update({ by: 'someone' })).rejects.toThrow(/append-only/);
    await expect(log.doc(entry._id).remove()).rejects.toThrow(/append-only/);
    await expect(log.doc(entry._id).set({ ...entry, by: 'someone' })).rejects.toThrow(/append-only/);
    await expect(log.where({ what: 'roster.invite' }).update({ by: 'someone' })).rejects.toThrow(/append-only/);
    await expect(log.where({}).limit(10).remove()).rejects.toThrow(/append-only/);
    await expect(store.transaction(async (tx) => tx.collection('auditLog').doc(entry._id).update({ by: 'x' }))).rejects.toThrow(/append-only/);
    await expect(store.transaction(async (tx) => tx.collection('auditLog').doc(entry._id).remove())).rejects.toThrow(/append-only/);
    // Adding again under its id does not overwrite it; neither inside a transaction.
    await expect(log.add({ ...entry, by: 'someone' })).rejects.toThrow();
    await expect(store.transaction(async (tx) => tx.collection('auditLog').add({ ...entry, by: 'someone' }))).rejects.toThrow();
    await expect(store.transaction(async (tx) => tx.collection('auditLog').doc(entry._id).set({ ...entry, by: 'x' }))).rejects.toThrow(/append-only/);
    expect(await rt.store.collection('auditLog').doc(entry._id).get()).toEqual(entry);
    // Adding and reading pass.
    expect(await log.doc(entry._id).get()).toEqual(entry);
    rt.close();
  });
});

describe('audit.list', () => {
  it("shows a 管理员 their subtree's entries, newest first, filtered by who and what, paged", async () => {
    const w = world();
    await w.ok('roster', 'markAway', { nodeId: 'u3', status: 'away', reason: '外出务工两个月' }, ADMIN);
    w.clock.advance(1000);
    await w.ok('roster', 'markBack', { nodeId: 'u3' }, ADMIN);
    w.clock.advance(1000);
    await w.ok('household', 'remove', {}, RESIDENT);
    w.clock.advance(1000);
    await w.ok('roster', 'invite', { nodeId: 'u4' }, ADMIN);

    const all = await w.ok('audit', 'list', {}, ADMIN);
    expect(all.items.map((e: { what: string }) => e.what)).toEqual(['roster.invite', 'household.remove', 'roster.markBack', 'roster.markAway']);
    expect(all.items[1]).toMatchObject({ byId: RESIDENT, role: 'resident', roleLabel: '居民', whatLabel: '删除住户登记', at: T0 + 2000 });
    expect(all.items[0]).toMatchObject({ byName: expect.any(String), roleLabel: '管理员', placeName: expect.any(String), subject: 'u4' });
    expect(all.kinds.length).toBe(audited.length);

    const mine = await w.ok('audit', 'list', { by: RESIDENT }, ADMIN);
    expect(mine.items.map((e: { what: string }) => e.what)).toEqual(['household.remove']);
    const backs = await w.ok('audit', 'list', { what: 'roster.markBack' }, ADMIN);
    expect(backs.items.map((e: { what: string }) => e.what)).toEqual(['roster.markBack']);

    const first = await w.ok('audit', 'list', { pageSize: 3 }, ADMIN);
    expect(first.items).toHaveLength(3);
    const second = await w.ok('audit', 'list', { pageSize: 3, cursor: first.next }, ADMIN);
    expect(second).toMatchObject({ items: [{ what: 'roster.markAway' }], next: null });
    w.rt.close();
  });

  it('shows another 社区 nothing, and refuses everyone but a 管理员', async () => {
    const w = world();
    await w.ok('roster', 'invite', { nodeId: 'u4' }, ADMIN);
    // A 管理员 of another 社区 of the same 镇街.
    await w.rt.store.collection('users').doc('audit-other-admin').set({
      name: '别处管理员',
      grants: [{ role: 'admin', nodeId: 'c-other', nodeName: '别处社区', level: 'community' }],
      createdAt: T0,
    });
    expect((await w.ok('audit', 'list', {}, 'audit-other-admin')).items).toEqual([]);
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const r = await w.rt.call('audit', { action: 'list' }, OPENID_BY_ROLE[role]);
      expect(r).toMatchObject({ ok: false, error: { code: role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN' } });
    }
    w.rt.close();
  });
});
