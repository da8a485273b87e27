// The 三长's photo, set by the 管理员 in the roster: the card on the door shows it, and so does
// the perk pass the clerk checks, from the moment the lead binds their WeChat (or at once if
// they already have).
import type { UserDoc } from '../../server/domain/users';
import { cmd } from '../../server/store/port';
import { demoRuntime, uploadAs } from './runtime';

const data = (r: unknown) => {
  expect(r).toMatchObject({ ok: true });
  return (r as { data: any }).data;
};
const ADMIN = 'demo-admin';

describe('a 三长’s photo', () => {
  it('shows on the card and the tree, and on the pass once the lead binds; a new one replaces it; null removes it', async () => {
    const rt = demoRuntime();
    const PHOTO = await uploadAs(rt, ADMIN, 'photo');
    const card = async () => data(await rt.call('card', { action: 'get', unitId: 'u3' }, null)).lead;
    const treeNode = async () => data(await rt.call('roster', { action: 'tree' }, ADMIN)).nodes.find((n: { id: string }) => n.id === 'u3');
    expect((await card()).photo).toBeUndefined();

    // Shown to everyone: its copy in pub/ (the storage rule lets only the uploader read uploads/).
    const pub = (id: string) => id.replace('local:uploads/', 'local:pub/');
    data(await rt.call('roster', { action: 'setPhoto', nodeId: 'u3', fileId: PHOTO }, ADMIN));
    expect((await card()).photo).toBe(pub(PHOTO));
    expect((await treeNode()).leadPhoto).toBe(pub(PHOTO));

    // The lead binds their WeChat afterwards: their pass shows the photo to the clerk.
    const { code } = data(await rt.call('roster', { action: 'invite', nodeId: 'u3' }, ADMIN));
    data(await rt.call('account', { action: 'claim', code }, 'u3-lead'));
    expect(data(await rt.call('perk', { action: 'pass', perkId: 'p1k1' }, 'u3-lead')).holder.photo).toBe(pub(PHOTO));

    // Bound already: a new photo reaches the pass at once; null removes it everywhere.
    const next = await uploadAs(rt, ADMIN, 'photo');
    data(await rt.call('roster', { action: 'setPhoto', nodeId: 'u3', fileId: next }, ADMIN));
    expect(data(await rt.call('perk', { action: 'pass', perkId: 'p1k1' }, 'u3-lead')).holder.photo).toBe(pub(next));
    data(await rt.call('roster', { action: 'setPhoto', nodeId: 'u3', fileId: null }, ADMIN));
    expect((await card()).photo).toBeUndefined();
    expect((await treeNode()).leadPhoto).toBeUndefined();
    expect(((await rt.store.collection('users').doc('u3-lead').get()) as UserDoc).avatar).toBeUndefined();
    expect(data(await rt.call('perk', { action: 'pass', perkId: 'p1k1' }, 'u3-lead')).holder.photo).toBeUndefined();
    rt.close();
  });

  it('is set by a 管理员 only, with a stored file’s id, for a node that has a lead', async () => {
    const rt = demoRuntime();
    const PHOTO = await uploadAs(rt, ADMIN, 'photo');
    for (const who of ['demo-neighbour-lead', 'demo-resident', null]) {
      expect(await rt.call('roster', { action: 'setPhoto', nodeId: 'u3', fileId: PHOTO }, who)).toMatchObject({ ok: false });
    }
    for (const fileId of ['https://evil.example/x.jpg', '', 'local: spaced']) {
      expect(await rt.call('roster', { action: 'setPhoto', nodeId: 'u3', fileId }, ADMIN)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    await rt.store.collection('nodes').doc('u4').update({ lead: cmd.unset() }); // a vacant 邻
    expect(await rt.call('roster', { action: 'setPhoto', nodeId: 'u4', fileId: PHOTO }, ADMIN)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(data(await rt.call('card', { action: 'get', unitId: 'u3' }, null)).lead.photo).toBeUndefined();
    rt.close();
  });
});
