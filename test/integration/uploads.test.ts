// Uploads, locally as in the cloud: only the types each feature accepts (by content, whatever the
// name says), served inert (nosniff; images inline, the rest as attachments), private until
// published, reports only to the 管理员 who made them, unguessable names, a daily quota, and a
// file id accepted only from the caller's own upload.
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { createDevServer } from '../../server/dev/server';
import { makeCtx } from '../../server/core/router';
import { acceptUpload, sniffType, UPLOAD_RULES, uploadTicket } from '../../server/domain/uploads';
import { perkTemplateBuffer } from '../../server/features/perk/template';
import { demoRosterRows, rosterXlsx } from '../fixtures/roster-xlsx';
import { demoRuntime, TEST_PNG, uploadAs } from './runtime';

jest.setTimeout(120_000);

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
const HTML = Buffer.from('<!doctype html><script>fetch("/api/account")</script>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1');
const ADMIN = 'demo-admin';

describe('uploads over the local server', () => {
  const rt = demoRuntime();
  let app: FastifyInstance;
  let base: string;
  const cookies = new Map<string, string>();
  let xlsx: Buffer;

  beforeAll(async () => {
    await rt.store.collection('users').doc('other-admin').set({
      name: '另一位管理员',
      grants: [{ role: 'admin', nodeId: 'c1', nodeName: '幸福里社区', level: 'community' }],
      createdAt: 0,
    });
    app = await createDevServer({ runtime: rt, secret: 'upload-secret-upload-secret-upload' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    for (const openid of [ADMIN, 'other-admin', 'demo-resident', 'demo-newcomer', 'demo-neighbour-lead']) {
      const res = await fetch(`${base}/__dev/signin`, { method: 'POST', body: JSON.stringify({ openid }) });
      cookies.set(openid, res.headers.get('set-cookie')!.split(';')[0]);
    }
    xlsx = await perkTemplateBuffer();
  });
  afterAll(async () => {
    await app.close();
  });

  const as = (openid: string | null): Record<string, string> => (openid ? { cookie: cookies.get(openid)! } : {});
  const upload = (openid: string | null, kind: string, name: string, body: Buffer) =>
    fetch(`${base}/__upload?kind=${kind}&name=${encodeURIComponent(name)}`, { method: 'POST', body: body as unknown as BodyInit, headers: { 'content-type': 'application/octet-stream', ...as(openid) } });
  const get = (url: string, openid: string | null) => fetch(base + url, { headers: as(openid) });
  const srcOf = (fileId: string) => `/files/${fileId.slice('local:'.length)}`;
  const call = async (fn: string, body: object, openid: string) =>
    (await (await fetch(`${base}/api/${fn}`, { method: 'POST', body: JSON.stringify(body), headers: as(openid) })).json()) as {
      ok: boolean;
      data?: any;
      error?: { code: string; message: string };
    };

  it('accepts only the types of the kind, by content whatever the name, and serves every file inert', async () => {
    const contents = { png: TEST_PNG, jpeg: JPEG, gif: GIF, webp: WEBP, html: HTML, svg: SVG, pdf: PDF };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(...Object.keys(contents), 'xlsx'),
          fc.uint8Array({ minLength: 1, maxLength: 64 }).map((a) => Buffer.from(a)),
        ),
        fc.constantFrom('photo', 'sheet'),
        fc.constantFrom('a.png', 'a.jpg', 'a.html', 'a.svg', 'a.xlsx', 'noext', 'x.HTM', 'photo.png.html'),
        async (content, kind, name) => {
          const body = Buffer.isBuffer(content) ? content : content === 'xlsx' ? xlsx : contents[content as keyof typeof contents];
          const res = await upload('demo-resident', kind, name, body);
          const json = (await res.json()) as { ok: boolean; data?: { fileId: string }; error?: { code: string; message: string } };
          const type = sniffType(body);
          const fits = !!type && UPLOAD_RULES[kind as 'photo' | 'sheet'].types.includes(type);
          expect(res.headers.get('x-content-type-options')).toBe('nosniff');
          if (!fits) {
            expect(json).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: UPLOAD_RULES[kind as 'photo' | 'sheet'].wrongType } });
            return;
          }
          expect(json.ok).toBe(true);
          const fileId = json.data!.fileId;
          // Unguessable: 128 random bits, and the extension comes from the content, never the name.
          expect(fileId).toMatch(new RegExp(`^local:uploads/${kind}/[0-9a-f]{32}\\.(png|jpg|gif|webp|xlsx)$`));
          const served = await get(srcOf(fileId), 'demo-resident');
          expect(served.status).toBe(200);
          expect(served.headers.get('x-content-type-options')).toBe('nosniff');
          expect(served.headers.get('content-security-policy')).toContain('sandbox');
          const ctype = served.headers.get('content-type') ?? '';
          expect(ctype).not.toMatch(/^text\/|html|svg|^application\/(xml|javascript)/);
          if (kind === 'photo') {
            expect(ctype).toMatch(/^image\/(png|jpeg|gif|webp)$/);
            expect(served.headers.get('content-disposition')).toBe('inline');
          } else {
            expect(served.headers.get('content-disposition')).toMatch(/^attachment; filename="[0-9a-f]{32}\.xlsx"$/);
          }
          expect(Buffer.from(await served.arrayBuffer()).equals(body)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses an upload from a caller who is not signed in', async () => {
    const res = await upload(null, 'photo', 'a.png', TEST_PNG);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('keeps an upload from every other user, the 管理员 too (as the cloud’s storage rule does); published, its copy in pub/ is anyone’s', async () => {
    const { data } = (await (await upload('demo-resident', 'photo', 'p.png', TEST_PNG)).json()) as { data: { fileId: string } };
    const src = srcOf(data.fileId);
    expect((await get(src, 'demo-resident')).status).toBe(200);
    for (const other of [null, 'demo-newcomer', 'demo-neighbour-lead', ADMIN]) {
      const res = await get(src, other);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    // Published (a 管理员 sets it as a 三长's photo: the card shows it): its copy in pub/ is read by anyone.
    const adminPhoto = ((await (await upload(ADMIN, 'photo', 'lead.png', TEST_PNG)).json()) as { data: { fileId: string } }).data.fileId;
    expect((await get(srcOf(adminPhoto), null)).status).toBe(404);
    expect(await call('roster', { action: 'setPhoto', nodeId: 'u3', fileId: adminPhoto }, ADMIN)).toMatchObject({ ok: true });
    const node = (await rt.store.collection('nodes').doc('u3').get()) as { lead: { photo: string } };
    expect(node.lead.photo).toBe(adminPhoto.replace('local:uploads/', 'local:pub/'));
    const pub = await get(srcOf(node.lead.photo), null);
    expect(pub.status).toBe(200);
    expect(pub.headers.get('content-type')).toBe('image/png');
    expect((await get(srcOf(adminPhoto), null)).status).toBe(404);
  });

  it('serves a report with full phones only to the 管理员 who ran the import, as an attachment', async () => {
    const sheet = ((await (await upload(ADMIN, 'sheet', 'roster.xlsx', await rosterXlsx(demoRosterRows()))).json()) as { data: { fileId: string } }).data.fileId;
    const report = await call('roster', { action: 'import', fileId: sheet, dryRun: true }, ADMIN);
    expect(report).toMatchObject({ ok: true });
    const url: string = report.data.reportUrl;
    expect(url).toMatch(/^\/files\/reports\/[0-9a-f]{24}\/roster-[0-9a-f]{32}\.xlsx$/);
    const mine = await get(url, ADMIN);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(mine.headers.get('cache-control')).toBe('private, no-store');
    for (const other of [null, 'other-admin', 'demo-resident']) expect((await get(url, other)).status).toBe(404);
    // Another 管理员 cannot hand the first one's sheet to an import either.
    expect(await call('roster', { action: 'import', fileId: sheet, dryRun: true }, 'other-admin')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers paths outside the stored files with the same 404 envelope', async () => {
    for (const p of ['/files/../data/lzt.sqlite', '/files/uploads/photo/nothing.png', '/files/reports/x/y.xlsx', '/files/%2e%2e/secret', '/files/']) {
      const res = await get(p, ADMIN);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(((await res.json()) as { ok: boolean }).ok).toBe(false);
    }
  });
});

describe('file ids a handler accepts', () => {
  // Every handler that takes a file id, with the role that may call it.
  const takers: { name: string; owner: string; kind: 'photo' | 'sheet'; call: (rt: ReturnType<typeof demoRuntime>, fileId: string) => Promise<{ ok: boolean; error?: { code: string } }> }[] = [
    { name: 'roster.setPhoto', owner: ADMIN, kind: 'photo', call: (rt, f) => rt.call('roster', { action: 'setPhoto', nodeId: 'u3', fileId: f }, ADMIN) },
    { name: 'roster.import', owner: ADMIN, kind: 'sheet', call: (rt, f) => rt.call('roster', { action: 'import', fileId: f, dryRun: true }, ADMIN) },
    { name: 'perk.import', owner: ADMIN, kind: 'sheet', call: (rt, f) => rt.call('perk', { action: 'import', fileId: f, dryRun: true }, ADMIN) },
    {
      name: 'perk.savePartner (logo)',
      owner: ADMIN,
      kind: 'photo',
      call: (rt, f) =>
        rt.call('perk', { action: 'savePartner', scopeId: 'c1', name: '新开的面包店', category: 'dining', address: '幸福路1号', location: { lat: 27.8, lng: 112.9 }, hours: '8:00-20:00', phone: '0731-5800000', logo: f }, ADMIN),
    },
    {
      name: 'notice.publish (images)',
      owner: ADMIN,
      kind: 'photo',
      call: (rt, f) => rt.call('notice', { action: 'publish', scopeId: 'c1', title: '停水通知', body: '明天上午停水。', images: [f], pinned: false }, ADMIN),
    },
  ];

  it('refuses (NOT_FOUND) any file id the caller did not upload, of any owner, at every handler; the caller’s own passes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...takers), fc.constantFrom('demo-resident', 'other-admin', 'demo-neighbour-lead'), fc.boolean(), async (t, stranger, viaTicket) => {
        const rt = demoRuntime();
        try {
          const data = t.kind === 'photo' ? TEST_PNG : t.name === 'perk.import' ? await perkTemplateBuffer() : await rosterXlsx(demoRosterRows());
          const theirs = viaTicket
            ? await rt.ports.files.put((await uploadTicket(makeCtx(rt.ports, { openid: stranger }), t.kind, t.kind === 'photo' ? 'png' : 'xlsx')).cloudPath, data, 'x')
            : await acceptUpload(makeCtx(rt.ports, { openid: stranger }), t.kind, data);
          const before = rt.store.stats().writes;
          expect(await t.call(rt, theirs)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
          expect(rt.store.stats().writes).toBe(before);
          // A made-up id in the uploads folder is refused the same way.
          expect(await t.call(rt, `local:uploads/${t.kind}/${'0'.repeat(32)}.png`)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
          const own = await uploadAs(rt, t.owner, t.kind, data);
          const reply = await t.call(rt, own);
          if (!reply.ok) expect(['NOT_FOUND', 'INVALID_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED']).not.toContain(reply.error!.code);
        } finally {
          rt.close();
        }
      }),
      { numRuns: 20 },
    );
  });

  it('refuses a photo where a sheet is wanted, and a cloud upload whose content is not what it claims', async () => {
    const rt = demoRuntime();
    const photo = await uploadAs(rt, ADMIN, 'photo');
    expect(await rt.call('roster', { action: 'import', fileId: photo, dryRun: true }, ADMIN)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const ticket = await uploadTicket(makeCtx(rt.ports, { openid: ADMIN }), 'photo', 'png');
    const fake = await rt.ports.files.put(ticket.cloudPath, HTML, 'image/png');
    expect(await rt.call('roster', { action: 'setPhoto', nodeId: 'u3', fileId: fake }, ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: UPLOAD_RULES.photo.wrongType },
    });
    rt.close();
  });

  it('lets nobody upload more than the daily quota of a kind', async () => {
    const rt = demoRuntime();
    const ctx = makeCtx(rt.ports, { openid: 'demo-resident' });
    for (let i = 0; i < UPLOAD_RULES.photo.perDay; i++) await acceptUpload(ctx, 'photo', TEST_PNG);
    await expect(acceptUpload(ctx, 'photo', TEST_PNG)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(uploadTicket(ctx, 'photo', 'png')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    // Another user's quota is their own.
    expect(await acceptUpload(makeCtx(rt.ports, { openid: 'demo-newcomer' }), 'photo', TEST_PNG)).toMatch(/^local:uploads\/photo\//);
    rt.close();
  });
});
