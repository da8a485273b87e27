// The local HTTP edge: bodies of every bad kind get our envelope, never a 500 page; the
// session cookie is signed, and only the dev sign-in sets it.
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { BODY_LIMIT, createDevServer, SESSION_COOKIE } from '../../server/dev/server';
import { demoRuntime } from './runtime';

describe('dev server', () => {
  const runtime = demoRuntime();
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lzt-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>邻长通</title>');
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    app = await createDevServer({ runtime, secret: 'test-secret-test-secret-test-secret', staticDir });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  afterAll(async () => {
    await app.close();
    runtime.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  });

  const post = (p: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(base + p, { method: 'POST', body: body as BodyInit, headers: { 'content-type': 'application/json', ...headers } });

  it('serves the H5 app at /', async () => {
    const res = await fetch(base + '/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('邻长通');
  });

  it('answers whoami over HTTP as the signed-in demo user', async () => {
    const signin = await post('/__dev/signin', JSON.stringify({ key: 'groupLead' }));
    const cookie = signin.headers.get('set-cookie')!.split(';')[0];
    expect(cookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    const res = await post('/api/account', JSON.stringify({ action: 'whoami' }), { cookie });
    expect(await res.json()).toMatchObject({ ok: true, data: { signedIn: true, roles: ['resident', 'groupLead'] } });
  });

  it('ignores a session cookie whose value was changed', async () => {
    const signin = await post('/__dev/signin', JSON.stringify({ key: 'resident' }));
    const cookie = signin.headers.get('set-cookie')!.split(';')[0];
    const tampered = cookie.replace('demo-resident', 'demo-admin');
    const res = await post('/api/account', JSON.stringify({ action: 'whoami' }), { cookie: tampered });
    expect(await res.json()).toMatchObject({ ok: true, data: { signedIn: false } });
    const unsigned = await post('/api/account', JSON.stringify({ action: 'whoami' }), {
      cookie: `${SESSION_COOKIE}=demo-admin`,
    });
    expect(await unsigned.json()).toMatchObject({ ok: true, data: { signedIn: false } });
  });

  it('refuses an unknown demo user', async () => {
    expect(await (await post('/__dev/signin', JSON.stringify({ key: 'root' }))).json()).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('refuses an oversize body with INVALID_INPUT', async () => {
    const big = JSON.stringify({ action: 'whoami', pad: 'x'.repeat(BODY_LIMIT) });
    const res = await post('/api/account', big);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses GET, an unknown function and an empty body', async () => {
    expect(await (await fetch(base + '/api/account')).json()).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(await (await post('/api/nothing', '{"action":"ping"}')).json()).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(await (await post('/api/account', '')).json()).toMatchObject({ error: { code: 'INVALID_INPUT' } });
  });

  it('answers any generated body, of any content type, with a JSON envelope and never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.json(), fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a))),
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'),
        async (body, type) => {
          const res = await post('/api/account', body as string | Buffer, { 'content-type': type });
          expect(res.status).toBeLessThan(500);
          const json = (await res.json()) as { ok: boolean; error?: { code: string } };
          expect(typeof json.ok).toBe('boolean');
          if (!json.ok) expect(json.error!.code).toBe('INVALID_INPUT');
        },
      ),
      { numRuns: 150 },
    );
  });
});
