// A reporter's photos reach the handling chain and nobody else. Uploads stay readable by their
// uploader only (the storage rule); the problem's page hands each caller it lets see the problem
// a short-lived address. Over the local server, whose /files/ follows the cloud's rule.
import type { FastifyInstance } from 'fastify';
import { createDevServer } from '../../../server/dev/server';
import { GRANT_SECONDS } from '../../../server/domain/uploads';
import { manualClock } from '../../../server/runtime/local-ports';
import { demoRuntime, T0 } from '../runtime';
import { ADMIN, AREA, DEPT, GROUP, LEAD, LEAD2, NEWCOMER, RESIDENT, type Data } from './helpers';

jest.setTimeout(60_000);

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const srcOf = (fileId: string) => `/files/${fileId.slice('local:'.length)}`;
const GRANTED = /^\/files\/uploads\/photo\/[0-9a-f]{32}\.png\?grant=\d+\.[\w-]{43}$/;

describe('民情: photos for the handling chain', () => {
  const clock = manualClock(T0);
  const rt = demoRuntime({ clock });
  let app: FastifyInstance;
  let base: string;
  const cookies = new Map<string, string>();
  const everyone = [RESIDENT, NEWCOMER, LEAD, LEAD2, GROUP, AREA, ADMIN, DEPT];

  beforeAll(async () => {
    app = await createDevServer({ runtime: rt, secret: 'minqing-photos-secret-minqing-photos-secret' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    for (const openid of everyone) {
      const res = await fetch(`${base}/__dev/signin`, { method: 'POST', body: JSON.stringify({ openid }) });
      cookies.set(openid, res.headers.get('set-cookie')!.split(';')[0]);
    }
  });
  afterAll(async () => {
    await app.close();
    rt.close();
  });

  const status = async (url: string, openid: string | null = null) => (await fetch(base + url, { headers: openid ? { cookie: cookies.get(openid)! } : {} })).status;
  const upload = async (openid: string) => {
    const res = await fetch(`${base}/__upload?kind=photo&name=p.png`, { method: 'POST', body: PNG as unknown as BodyInit, headers: { 'content-type': 'application/octet-stream', cookie: cookies.get(openid)! } });
    return ((await res.json()) as { data: { fileId: string } }).data.fileId;
  };
  const call = (openid: string, action: string, input: Record<string, unknown>) => rt.call('minqing', { action, ...input }, openid);
  const ok = async (openid: string, action: string, input: Record<string, unknown>): Promise<Data> => {
    const r = await call(openid, action, input);
    if (!r.ok) throw new Error(`${action} as ${openid}: ${r.error.code} ${r.error.message}`);
    return r.data as Data;
  };

  it('gives the holder, the ones above and the assigned 部门 an address that opens; neighbours, another 邻长 and other 部门 get nothing', async () => {
    const photo = await upload(RESIDENT);
    const p = (await ok(RESIDENT, 'submit', { category: 'repair', description: '屋面漏水，天花板发霉', photos: [photo] })).problem;
    // The upload itself: its uploader only.
    for (const who of [null, NEWCOMER, LEAD, LEAD2, GROUP, ADMIN, DEPT]) expect(await status(srcOf(photo), who)).toBe(404);

    const opens = async (who: string) => {
      const seen = await ok(who, 'get', { id: p.id });
      expect(seen.problem.photos).toHaveLength(1);
      expect(seen.problem.photos[0]).toMatch(GRANTED);
      expect(await status(seen.problem.photos[0])).toBe(200);
      return seen.problem.photos[0] as string;
    };
    for (const who of [RESIDENT, LEAD, GROUP, AREA, ADMIN]) await opens(who);
    const shut = async (who: string) => {
      expect(await call(who, 'get', { id: p.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await status(srcOf(photo), who)).toBe(404);
      // Nor can they make it theirs by naming it in a report of their own.
      expect(await call(who, 'submit', { unitId: 'u2', category: 'repair', description: '同上', photos: [photo] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    };
    for (const who of [NEWCOMER, LEAD2, DEPT]) await shut(who);

    await ok(LEAD, 'accept', { id: p.id });
    await ok(LEAD, 'classify', { id: p.id, class: 'major' });
    await ok(ADMIN, 'assign', { id: p.id, departmentId: 'dep1' });
    const src = await opens(DEPT);

    // The address opens that one file, unaltered, for a while only.
    const other = await upload(NEWCOMER);
    expect(await status(srcOf(other) + src.slice(src.indexOf('?')))).toBe(404);
    expect(await status(src.replace(/grant=(\d+)/, (_m, t) => `grant=${Number(t) + 1}`))).toBe(404);
    clock.advance(GRANT_SECONDS * 1000 + 1);
    expect(await status(src)).toBe(404);
    // A fresh look gives a fresh address.
    expect(await status(await opens(DEPT))).toBe(200);
  });

  it('lets the reporter open the handler’s photos of the work done, and still not a neighbour', async () => {
    const p = (await ok(RESIDENT, 'submit', { category: 'repair', description: '楼道灯坏了' })).problem;
    await ok(LEAD, 'accept', { id: p.id });
    await ok(LEAD, 'classify', { id: p.id, class: 'personal' });
    const done = await upload(LEAD);
    await ok(LEAD, 'resolve', { id: p.id, note: '已更换灯泡', photos: [done] });
    expect(await status(srcOf(done), RESIDENT)).toBe(404);
    const seen = await ok(RESIDENT, 'get', { id: p.id });
    const step = seen.timeline.find((e: Data) => e.kind === 'resolved');
    expect(step.photos).toEqual([expect.stringMatching(GRANTED)]);
    expect(await status(step.photos[0])).toBe(200);
    expect(await call(NEWCOMER, 'get', { id: p.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('leaves out a photo whose file is gone instead of failing the page', async () => {
    const photo = await upload(RESIDENT);
    const p = (await ok(RESIDENT, 'submit', { category: 'repair', description: '路面塌陷', photos: [photo] })).problem;
    await rt.store.collection('problems').doc(p.id).update({ photos: [photo, 'local:uploads/photo/00000000000000000000000000000000.png'] });
    expect((await ok(LEAD, 'get', { id: p.id })).problem.photos).toEqual([expect.stringMatching(GRANTED)]);
  });
});
