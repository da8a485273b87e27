// The local dev server: serves the H5 build and every cloud function over HTTP
// (POST /api/<function> with { action, ...input }), on the local runtime. The dev
// sign-in exists only here: it sets a signed cookie naming a demo user's openid,
// which stands in for the OPENID the WeChat runtime injects.
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type ConnectionError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorCode, Reply } from '../../contracts/envelope';
import { plainInput } from '../core/plain-input';
import { invalid } from '../core/router';
import type { LocalRuntime } from '../runtime/local';
import { DEMO_USERS } from '../seed/demo';

export const SESSION_COOKIE = 'lzt_session';
export const BODY_LIMIT = 64 * 1024;
export const UPLOAD_LIMIT = 20 * 1024 * 1024;
/** A request (headers and body) must arrive whole within this, or it is cut off with a 408 envelope. */
export const REQUEST_TIMEOUT_MS = 20_000;

export interface DevServerOptions {
  runtime: LocalRuntime;
  /** HMAC key for the session cookie. */
  secret: string;
  /** The H5 build to serve at /, if present. */
  staticDir?: string;
  bodyLimit?: number;
  /** Defaults to REQUEST_TIMEOUT_MS; tests shorten it. */
  requestTimeoutMs?: number;
}

function send(reply: FastifyReply, envelope: Reply<unknown>, status = 200) {
  return reply.code(status).header('cache-control', 'no-store').send(envelope);
}

const failure = (code: ErrorCode, message: string): Reply<never> => ({ ok: false, error: { code, message } });

/**
 * Errors Node's HTTP parser meets before Fastify sees a request (a body that never finishes, bad
 * framing, oversized headers) are answered on the socket itself, still as the envelope.
 */
function clientError(err: ConnectionError, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, envelope] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? ([408, invalid('请求超时：内容没有及时传完')] as const)
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? ([431, invalid('请求头过大')] as const)
        : ([400, invalid('请求格式不正确')] as const);
  const body = Buffer.from(JSON.stringify(envelope));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${body.length}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n`,
    );
    socket.write(body);
  }
  socket.destroy();
}

export async function createDevServer(opts: DevServerOptions): Promise<FastifyInstance> {
  const bodyLimit = opts.bodyLimit ?? BODY_LIMIT;
  const requestTimeout = opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const app = Fastify({
    logger: false,
    bodyLimit,
    requestTimeout,
    // Node checks for overdue requests on this interval; a quarter of the timeout keeps the cut-off near it.
    http: { headersTimeout: requestTimeout, connectionsCheckingInterval: Math.max(50, Math.floor(requestTimeout / 4)) },
    clientErrorHandler: clientError,
    // A malformed escape in the path (or a parameter too long) reaches no route: still the envelope.
    frameworkErrors: (_err, _req, reply) => send(reply, invalid('网址格式不正确'), 400),
  });
  await app.register(fastifyCookie, { secret: opts.secret });

  // Every body is read as text and parsed by us, so any malformed call gets our envelope.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit }, (_req, body, done) => done(null, body));

  app.setErrorHandler((err: { code?: string; statusCode?: number }, _req, reply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(reply, invalid('请求内容过大'), 413);
    if (err.statusCode && err.statusCode < 500) return send(reply, invalid('请求格式不正确'), err.statusCode);
    console.error('[lzt] dev server error', err);
    return send(reply, { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } }, 500);
  });

  const openidOf = (req: FastifyRequest): string | null => {
    const raw = req.cookies[SESSION_COOKIE];
    if (!raw) return null;
    const unsigned = req.unsignCookie(raw);
    return unsigned.valid && unsigned.value ? unsigned.value : null;
  };

  // Parsed, then rebuilt without prototype keys (the router does the same for every event).
  const parseBody = (body: unknown): { ok: true; value: unknown } | { ok: false } => {
    if (typeof body !== 'string' || body.length === 0) return { ok: false };
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return { ok: false };
    }
    const plain = plainInput(value);
    return plain.ok ? { ok: true, value: plain.value } : { ok: false };
  };

  app.post<{ Params: { fn: string } }>('/api/:fn', async (req, reply) => {
    const parsed = parseBody(req.body);
    if (!parsed.ok) return send(reply, invalid('请求内容不是有效的 JSON'));
    return send(reply, await opts.runtime.call(req.params.fn, parsed.value, openidOf(req)));
  });
  app.all('/api/*', async (_req, reply) => send(reply, invalid('请用 POST 调用云函数'), 405));

  // ---- dev sign-in (local only) ----
  app.get('/__dev/users', async (_req, reply) =>
    send(reply, { ok: true, data: DEMO_USERS.map(({ key, label, description }) => ({ key, label, description })) }),
  );
  // { key } picks a demo user; { openid } stands for any other WeChat user (tests and benches).
  app.post('/__dev/signin', async (req, reply) => {
    const parsed = parseBody(req.body);
    const value = (parsed.ok ? parsed.value : null) as { key?: unknown; openid?: unknown } | null;
    const user =
      typeof value?.openid === 'string' && /^[0-9A-Za-z_-]{1,64}$/.test(value.openid)
        ? { key: 'custom', label: value.openid, openid: value.openid }
        : DEMO_USERS.find((u) => u.key === value?.key);
    if (!user) return send(reply, invalid('没有这个演示用户'));
    if (user.openid) {
      reply.setCookie(SESSION_COOKIE, user.openid, { path: '/', httpOnly: true, sameSite: 'lax', signed: true });
    } else {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    return send(reply, { ok: true, data: { key: user.key, label: user.label } });
  });
  app.post('/__dev/signout', async (_req, reply) => {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return send(reply, { ok: true, data: null });
  });
  // Stand-in for wx.cloud.uploadFile: the mini program uploads a file, then passes its id to a function.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_req, body, done) => done(null, body));
    scope.post<{ Querystring: { name?: string } }>('/__upload', { bodyLimit: UPLOAD_LIMIT }, async (req, reply) => {
      const openid = openidOf(req);
      if (!openid) return send(reply, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } }, 401);
      const body = req.body as Buffer;
      if (!Buffer.isBuffer(body) || body.length === 0) return send(reply, invalid('没有收到文件'));
      const ext = /\.([0-9A-Za-z]{1,8})$/.exec(req.query.name ?? '')?.[1] ?? 'bin';
      const fileId = await opts.runtime.ports.files.put(`uploads/${randomUUID()}.${ext.toLowerCase()}`, body, 'application/octet-stream');
      return send(reply, { ok: true, data: { fileId } });
    });
  });
  await app.register(fastifyStatic, { root: opts.runtime.filesDir, prefix: '/files/', decorateReply: false });

  // Store operations and this process's CPU time (µs), for the bench.
  app.get('/__dev/stats', async (_req, reply) => {
    const cpu = process.cpuUsage();
    return send(reply, { ok: true, data: { ...opts.runtime.store.stats(), cpuMicros: cpu.user + cpu.system } });
  });

  app.setNotFoundHandler((_req, reply) => send(reply, failure('NOT_FOUND', '没有这个地址'), 404));

  if (opts.staticDir && fs.existsSync(opts.staticDir)) {
    await app.register(fastifyStatic, { root: opts.staticDir, index: ['index.html'] });
  } else {
    app.get('/', async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('H5 版本尚未构建：请先运行 npm run build:h5'),
    );
  }
  return app;
}
