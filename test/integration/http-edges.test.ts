// The edges of the local HTTP layer, generated: every reply is the envelope (paths with malformed
// escapes, unknown paths, any method, broken framing), a request that does not arrive in time is cut
// off, and prototype keys in a call are inert at every depth.
import fc from 'fast-check';
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { FUNCTIONS } from '../../contracts';
import { ERROR_CODES } from '../../contracts/envelope';
import { MAX_INPUT_DEPTH, isPrototypeKey, plainInput } from '../../server/core/plain-input';
import { createDevServer } from '../../server/dev/server';
import { ACTION_EXAMPLES } from './examples';
import { demoRuntime } from './runtime';

const TIMEOUT = 400;
const CHINESE = /[\u4e00-\u9fa5]/;

interface RawReply {
  status: number;
  headers: Record<string, string>;
  body: string;
  ms: number;
}

/** Writes `chunks` on a fresh socket (pausing `pauseMs` between them) and reads until the server closes or answers. */
function raw(port: number, chunks: (string | Buffer)[], pauseMs = 0, waitMs = 4000): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    const got: Buffer[] = [];
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(guard);
      socket.destroy();
      const text = Buffer.concat(got).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
      let body = rest.join('\r\n\r\n');
      if (headers['content-length']) body = Buffer.from(body).subarray(0, Number(headers['content-length'])).toString('utf8');
      resolve({ status, headers, body, ms: Date.now() - started });
    };
    const guard = setTimeout(finish, waitMs);
    socket.on('data', (d) => {
      got.push(d);
      // One reply is enough: stop once its declared body has arrived.
      const text = Buffer.concat(got).toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      const len = /content-length:\s*(\d+)/i.exec(text.slice(0, end))?.[1];
      if (end >= 0 && len !== undefined && Buffer.byteLength(text) - Buffer.byteLength(text.slice(0, end + 4)) >= Number(len)) finish();
    });
    socket.on('close', finish);
    socket.on('error', (e) => (got.length ? finish() : reject(e)));
    socket.on('connect', async () => {
      for (const [i, c] of chunks.entries()) {
        if (i > 0 && pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
        if (socket.destroyed) return;
        socket.write(c);
      }
    });
  });
}

const expectEnvelope = (r: RawReply) => {
  expect(r.headers['content-type']).toMatch(/^application\/json/);
  const json = JSON.parse(r.body) as { ok: boolean; error: { code: string; message: string } };
  expect(json.ok).toBe(false);
  expect(ERROR_CODES).toContain(json.error.code);
  expect(json.error.message).toMatch(CHINESE);
  return json;
};

describe('HTTP edges', () => {
  const runtime = demoRuntime();
  let app: FastifyInstance;
  let port: number;

  beforeAll(async () => {
    app = await createDevServer({ runtime, secret: 'edge-secret-edge-secret-edge-secret', requestTimeoutMs: TIMEOUT });
    // A route that answers late, to show the timeout cuts slow requests, not slow handlers.
    app.post('/__test/slow', async () => {
      await new Promise((r) => setTimeout(r, TIMEOUT * 3));
      return { ok: true, data: 'late' };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    port = typeof addr === 'object' && addr ? addr.port : 0;
  });
  afterAll(async () => {
    await app.close();
  });

  const segment = fc.oneof(
    fc.constantFrom('api', 'account', '__dev', 'users', 'files', '__upload', 'uploads', 'index.html', '..', '.', ''),
    fc.constantFrom('%', '%E0%A4%A', '%zz', '%C0%AF', '%00', '%2e%2e', '%F0%9F', '%ff%fe', '%%', '%2', '%E4%B8%AD'),
    fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@%-]{0,12}$/),
  );
  const pathArb = fc
    .tuple(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.option(fc.stringMatching(/^[A-Za-z0-9=&%._-]{0,20}$/)))
    .map(([segs, q]) => '/' + segs.join('/') + (q === null ? '' : `?${q}`));

  it('answers any generated path and method with the envelope unless it names a real page or file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'), pathArb, async (method, path) => {
        const body = method === 'GET' ? '' : '{"action":"ping"}';
        const r = await raw(port, [
          `${method} ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
        ]);
        expect(r.status).toBeGreaterThanOrEqual(200);
        expect(r.status).toBeLessThan(500);
        // Only the H5 index (no build here: a plain-text note at /) and the envelope-answering routes give 2xx.
        if (r.status >= 300 || r.headers['content-type']?.startsWith('application/json')) expectEnvelope(r);
      }),
      { numRuns: 120 },
    );
  });

  it('answers a malformed escape and an unknown path with the envelope', async () => {
    const bad = await raw(port, ['GET /files/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n']);
    expect(bad.status).toBe(400);
    expect(expectEnvelope(bad).error.code).toBe('INVALID_INPUT');
    const unknown = await raw(port, ['GET /nowhere/at/all HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n']);
    expect(unknown.status).toBe(404);
    expect(expectEnvelope(unknown).error.code).toBe('NOT_FOUND');
  });

  it('answers broken framing (bad header lines, bad lengths, bad methods) with the envelope', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'POST /api/account HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
          'POST /api/account HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello',
          'GET / HTTP/1.1\r\nHost x\r\n\r\n',
          'G@T / HTTP/1.1\r\nHost: x\r\n\r\n',
          'GET /a b HTTP/1.1\r\nHost: x\r\n\r\n',
          'POST /api/account HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
          `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
        ),
        async (request) => {
          const r = await raw(port, [request]);
          expect(r.status).toBeGreaterThanOrEqual(400);
          expect(r.status).toBeLessThan(500);
          expectEnvelope(r);
        },
      ),
      { numRuns: 14 },
    );
  });

  it('cuts off any request whose headers or body do not arrive in time, with a 408 envelope', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          // a body shorter than declared, sent in a few chunks, then silence
          fc
            .tuple(fc.integer({ min: 2, max: 60_000 }), fc.integer({ min: 1, max: 4 }))
            .map(([declared, parts]) => {
              const sent = Math.floor(declared / 2);
              const head = `POST /api/account HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`;
              const body = ('{"action":"whoami","pad":"' + 'x'.repeat(sent)).slice(0, sent);
              const step = Math.ceil(body.length / parts);
              return [head, ...Array.from({ length: parts }, (_, i) => body.slice(i * step, (i + 1) * step))];
            }),
          // headers that never end
          fc.integer({ min: 1, max: 3 }).map((n) => ['POST /api/account HTTP/1.1\r\n', ...Array.from({ length: n }, (_, i) => `X-Drip-${i}: 1\r\n`)]),
          // an upload that never finishes
          fc.constant<string[]>(['POST /__upload?name=a.png HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\nContent-Length: 100000\r\n\r\n', 'abc']),
        ),
        async (chunks) => {
          const r = await raw(port, chunks, 20);
          expect(r.status).toBe(408);
          expect(expectEnvelope(r).error.code).toBe('INVALID_INPUT');
          // Node looks for overdue requests every quarter of the timeout.
          expect(r.ms).toBeLessThan(TIMEOUT * 2 + 500);
        },
      ),
      { numRuns: 10 },
    );
  });

  it('does not cut off a handler that takes longer than the timeout once the request has arrived', async () => {
    const r = await raw(port, ['POST /__test/slow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}']);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, data: 'late' });
  });

  // ---- prototype keys ----
  const protoKey = fc.constantFrom('__proto__', 'constructor', 'prototype');
  /** JSON text (so `__proto__` is a literal key, as an attacker sends it) with prototype keys at random depths. */
  const hostileJson: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.jsonValue({ maxDepth: 1 }).map((v) => JSON.stringify(v)),
      fc.array(tie('node'), { maxLength: 3 }).map((xs) => `[${xs.join(',')}]`),
      fc
        .array(fc.tuple(fc.oneof(protoKey, fc.string({ maxLength: 6 })), tie('node')), { maxLength: 4 })
        .map((kv) => `{${kv.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
    ),
  })).node;

  const walk = (v: unknown, visit: (o: object) => void) => {
    if (v === null || typeof v !== 'object') return;
    visit(v);
    for (const x of Object.values(v)) walk(x, visit);
  };

  it('rebuilds any input without prototype keys, and every object in it is plain', () => {
    fc.assert(
      fc.property(hostileJson, (text) => {
        const result = plainInput(JSON.parse(text));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        walk(result.value, (o) => {
          if (!Array.isArray(o)) expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
          expect(Object.keys(o).filter(isPrototypeKey)).toEqual([]);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('refuses input nested deeper than the limit (as the envelope, without a stack overflow)', async () => {
    const deep = '['.repeat(30_000) + ']'.repeat(30_000);
    expect(plainInput(JSON.parse(deep))).toEqual({ ok: false, reason: 'TOO_DEEP' });
    const ok = '['.repeat(MAX_INPUT_DEPTH - 1) + ']'.repeat(MAX_INPUT_DEPTH - 1);
    expect(plainInput({ x: JSON.parse(ok) }).ok).toBe(true);
    const reply = await runtime.call('account', JSON.parse(`{"action":"whoami","x":${deep}}`), 'demo-resident');
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  const required = Object.entries(FUNCTIONS).flatMap(([fn, contract]) =>
    Object.entries(contract)
      .filter(([, def]) => !def.input.safeParse({}).success)
      .map(([action]) => ({ fn, action, example: ACTION_EXAMPLES[`${fn}.${action}`] })),
  );

  it('never lets a field arrive through __proto__ (any action, over HTTP and in the runtime)', async () => {
    const signin = await fetch(`http://127.0.0.1:${port}/__dev/signin`, { method: 'POST', body: JSON.stringify({ key: 'admin' }) });
    const cookie = signin.headers.get('set-cookie')!.split(';')[0];
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...required), fc.constantFrom('__proto__', 'constructor'), async ({ fn, action, example }, key) => {
        const wrapped = key === '__proto__' ? JSON.stringify(example) : JSON.stringify({ prototype: example });
        const text = `{"action":${JSON.stringify(action)},${JSON.stringify(key)}:${wrapped}}`;
        const before = runtime.store.stats().writes;
        const inRuntime = await runtime.call(fn, JSON.parse(text), 'demo-admin');
        expect(inRuntime).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        const res = await fetch(`http://127.0.0.1:${port}/api/${fn}`, { method: 'POST', body: text, headers: { cookie } });
        expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        expect(runtime.store.stats().writes).toBe(before);
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
      }),
      { numRuns: 80 },
    );
  });

  it('keeps a call valid when prototype keys ride along with its real fields', async () => {
    const text = '{"action":"whoami","__proto__":{"signedIn":false,"roles":["admin"]},"constructor":{"prototype":{"admin":true}}}';
    const reply = await runtime.call('account', JSON.parse(text), 'demo-resident');
    expect(reply).toMatchObject({ ok: true, data: { signedIn: true, roles: ['resident'] } });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
