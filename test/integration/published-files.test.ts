// Files that others see after review, as the cloud's storage rule allows (only the uploader reads
// `uploads/`, everyone reads `pub/`): an unreviewed upload is nobody else's, the 管理员 reviewing
// sees it through a short-lived grant, and what is approved or published is stored as its copy in
// `pub/`. Over the local server, whose /files/ follows the same rule.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createDevServer } from '../../server/dev/server';
import { GRANT_SECONDS, publishFiles } from '../../server/domain/uploads';
import { makeCtx } from '../../server/core/router';
import { cloudFiles, type CloudSdk } from '../../server/runtime/cloud-ports';
import { T0 } from './runtime';
import { ADMIN, votingWorld, type VoteWorld } from './vote-setup';

jest.setTimeout(120_000);

const DAY = 24 * 3600_000;
const pubOf = (fileId: string) => fileId.replace('local:uploads/', 'local:pub/');
const srcOf = (fileId: string) => `/files/${fileId.slice('local:'.length)}`;

describe('published files over the local server', () => {
  let w: VoteWorld;
  let app: FastifyInstance;
  let base: string;
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    w = await votingWorld({ now: T0 - 2 * DAY, candidates: 0 });
    app = await createDevServer({ runtime: w.rt, secret: 'published-files-secret-published-files' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    for (const openid of [ADMIN, 'demo-resident', 'demo-newcomer', 'demo-neighbour-lead']) {
      const res = await fetch(`${base}/__dev/signin`, { method: 'POST', body: JSON.stringify({ openid }) });
      cookies.set(openid, res.headers.get('set-cookie')!.split(';')[0]);
    }
  });
  afterAll(async () => {
    await app.close();
    w.close();
  });

  const status = async (url: string, openid: string | null = null) => (await fetch(base + url, { headers: openid ? { cookie: cookies.get(openid)! } : {} })).status;
  const upload = async (openid: string) => {
    const res = await fetch(`${base}/__upload?kind=photo&name=p.png`, { method: 'POST', body: PNG as unknown as BodyInit, headers: { 'content-type': 'application/octet-stream', cookie: cookies.get(openid)! } });
    return ((await res.json()) as { data: { fileId: string } }).data.fileId;
  };
  const ok = async (fn: string, body: object, openid: string) => {
    const reply = await w.rt.call(fn, body, openid);
    if (!reply.ok) throw new Error(JSON.stringify(reply));
    return reply.data as any;
  };

  it('a nomination photo: nobody else reads it before review, the 管理员 through a grant that expires, everyone after approval', async () => {
    const photo = await upload('demo-resident');
    const rec = (await ok('vote', { action: 'recommend', campaignId: w.campaignId, unitId: 'u3', story: '常年义务修理楼道灯。', photos: [photo] }, 'demo-resident')).nomination;
    expect(await status(srcOf(photo), 'demo-resident')).toBe(200);
    for (const other of [null, 'demo-newcomer', 'demo-neighbour-lead', ADMIN]) expect(await status(srcOf(photo), other)).toBe(404);

    // The 管理员's review list grants an address, readable by its holder (as a temp URL is) …
    const [listed] = (await ok('vote', { action: 'nominations', campaignId: w.campaignId }, ADMIN)).items;
    const src: string = listed.photos[0].src;
    expect(src).toMatch(/^\/files\/uploads\/photo\/[0-9a-f]{32}\.png\?grant=\d+\.[\w-]{43}$/);
    expect(await status(src)).toBe(200);
    // … for that file only, unaltered, and only for a while.
    const other = await upload('demo-newcomer');
    expect(await status(srcOf(other) + src.slice(src.indexOf('?')))).toBe(404);
    expect(await status(src.replace(/grant=(\d+)/, (_m, t) => `grant=${Number(t) + 1}`))).toBe(404);
    expect(await status(src.slice(0, -2) + (src.endsWith('AA') ? 'AB' : 'AA'))).toBe(404);
    w.clock.advance(GRANT_SECONDS * 1000 + 1);
    expect(await status(src)).toBe(404);
    w.clock.advance(-(GRANT_SECONDS * 1000 + 1));

    // Approved: the candidate shows the photo's copy in pub/, which anyone reads; the upload stays the resident's.
    const approved = (await ok('vote', { action: 'review', candidateId: rec.id, approve: true, rejectPhotos: [] }, ADMIN)).nomination;
    expect(approved.photos).toEqual([{ fileId: pubOf(photo), status: 'approved', src: pubOf(photo) }]);
    expect(await status(srcOf(pubOf(photo)))).toBe(200);
    expect(await status(srcOf(photo), 'demo-newcomer')).toBe(404);

    // Nobody can hand the published copy (or someone else's upload) to a function as their own.
    for (const id of [pubOf(photo), photo]) {
      expect(await w.rt.call('vote', { action: 'recommend', campaignId: w.campaignId, unitId: 'u4', story: '热心。', photos: [id] }, 'demo-newcomer')).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }
  });

  it('lists nominations even when a photo’s file is gone (that photo keeps its id as src)', async () => {
    const kept = await upload('demo-resident');
    const lost = await upload('demo-resident');
    const rec = (await ok('vote', { action: 'recommend', campaignId: w.campaignId, unitId: 'u6', story: '天天帮邻居取快递。', photos: [kept, lost] }, 'demo-resident')).nomination;
    fs.rmSync(path.join(w.rt.filesDir, lost.slice('local:'.length)));
    const listed = (await ok('vote', { action: 'nominations', campaignId: w.campaignId }, ADMIN)).items.find((n: { id: string }) => n.id === rec.id);
    expect(listed.photos.map((p: { src: string }) => p.src)).toEqual([expect.stringMatching(/\?grant=/), lost]);
  });

  it('a photo turned down at review is never copied into pub/', async () => {
    const mine = await upload('demo-neighbour-lead');
    const self = (await ok('vote', { action: 'apply', campaignId: w.campaignId, story: '我愿意为邻居们服务。', photos: [mine] }, 'demo-neighbour-lead')).nomination;
    const reviewed = (await ok('vote', { action: 'review', candidateId: self.id, approve: true, rejectPhotos: [mine] }, ADMIN)).nomination;
    expect(reviewed.photos[0]).toMatchObject({ fileId: mine, status: 'rejected' });
    expect(await status(srcOf(pubOf(mine)))).toBe(404);
    expect(await status(srcOf(mine), 'demo-newcomer')).toBe(404);
  });

  it('notice images, a 商家 logo, a campaign cover and a 组织推荐 photo are stored as their pub/ copies, readable by anyone', async () => {
    const shown = async (fileId: string, stored: string) => {
      expect(stored).toBe(pubOf(fileId));
      expect(await status(srcOf(stored))).toBe(200);
      expect(await status(srcOf(fileId), 'demo-newcomer')).toBe(404);
    };
    const img = await upload(ADMIN);
    const notice = (await ok('notice', { action: 'publish', scopeId: 'c1', title: '停水通知', body: '明天上午停水。', images: [img], pinned: false }, ADMIN)).notice;
    await shown(img, notice.images[0]);
    // Saved again with the image it already has (its pub/ id), and a new one.
    const more = await upload(ADMIN);
    const edited = (await ok('notice', { action: 'update', id: notice.id, images: [notice.images[0], more] }, ADMIN)).notice;
    expect(edited.images[0]).toBe(notice.images[0]);
    await shown(more, edited.images[1]);

    const logo = await upload(ADMIN);
    const partner = (
      await ok(
        'perk',
        { action: 'savePartner', scopeId: 'c1', name: '新开的面包店', category: 'dining', address: '幸福路1号', location: { lat: 27.8, lng: 112.9 }, hours: '8:00-20:00', phone: '0731-5800000', logo },
        ADMIN,
      )
    ).partner;
    await shown(logo, partner.logo);

    const cover = await upload(ADMIN);
    const { campaign } = await ok(
      'vote',
      {
        action: 'save',
        scopeNodeId: 'c1',
        title: '幸福里社区最美邻长评选（封面）',
        description: '评选身边的好邻长。',
        nominateFrom: T0 - 3 * DAY,
        nominateUntil: T0 - DAY,
        voteFrom: T0 - DAY,
        voteUntil: T0 + 5 * DAY,
        eligibility: 'anyone',
        perDay: 3,
        perCandidatePerDay: 1,
        minGapSeconds: 0,
        honorees: 3,
        cover,
      },
      ADMIN,
    );
    await shown(cover, campaign.cover);

    const org = await upload(ADMIN);
    const nominated = (await ok('vote', { action: 'nominate', campaignId: w.campaignId, unitId: 'u5', story: '组织推荐。', photos: [org] }, ADMIN)).nomination;
    await shown(org, nominated.photos[0].fileId);
  });

  it('publishing again (a retry, a kept id) writes nothing new and answers the same copy', async () => {
    const photo = await upload(ADMIN);
    const ctx = makeCtx(w.rt.ports, { openid: ADMIN });
    const [first] = await publishFiles(ctx, [photo]);
    expect(await publishFiles(ctx, [photo, first])).toEqual([first, first]);
  });
});

describe('the cloud adapter of grants', () => {
  it('asks getTempFileURL for each file with its max age, at most 50 a call, and refuses a file the cloud does not find', async () => {
    const calls: { fileID: string; maxAge: number }[][] = [];
    const sdk = {
      getTempFileURL: async ({ fileList }: { fileList: { fileID: string; maxAge: number }[] }) => {
        calls.push(fileList);
        return { fileList: fileList.map((f) => (f.fileID.endsWith('gone') ? { fileID: f.fileID, status: -1, tempFileURL: '' } : { fileID: f.fileID, status: 0, tempFileURL: `https://tmp/${f.fileID.slice(-3)}` })) };
      },
    } as unknown as CloudSdk;
    const files = cloudFiles(sdk);
    const ids = Array.from({ length: 120 }, (_, i) => `cloud://env.bucket/uploads/photo/${String(i).padStart(3, '0')}`);
    const urls = await files.grant(ids, 600);
    expect(urls).toEqual(ids.map((id) => `https://tmp/${id.slice(-3)}`));
    expect(calls.map((c) => c.length)).toEqual([50, 50, 20]);
    expect(calls.flat().every((f) => f.maxAge === 600)).toBe(true);
    await expect(files.grant(['cloud://env.bucket/uploads/photo/gone'], 600)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
