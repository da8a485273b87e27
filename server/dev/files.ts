// Files on the local server (and so in every H5 build on it), under the same rule as the cloud:
// - POST /__upload?kind=photo|sheet stands in for wx.cloud.uploadFile: signed-in callers only,
//   the type each feature accepts checked by content, a daily quota, an unguessable name, and an
//   `uploads` record naming the owner (server/domain/uploads.ts);
// - GET /files/<path> serves a file only to a caller who may read it, or with a grant a function
//   handed out (?grant=…, the stand-in for a temp URL; else the same 404 as a missing file), never as active content: images inline with their own type, everything else
//   as an attachment, always with nosniff and a sandboxing CSP.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Reply } from '../../contracts/envelope';
import { AppError } from '../core/errors';
import { makeCtx } from '../core/router';
import { acceptUpload, mayReadFile, MIME, sniffType, type UploadKind } from '../domain/uploads';
import type { LocalRuntime } from '../runtime/local';

export const UPLOAD_LIMIT = 20 * 1024 * 1024;
const FILE_PATH = /^[0-9A-Za-z_-]+(?:\/[0-9A-Za-z_-][0-9A-Za-z_.-]*)*$/;
const IMAGES = new Set(['png', 'jpeg', 'gif', 'webp']);

function envelope(reply: FastifyReply, body: Reply<unknown>, status: number) {
  return reply.code(status).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').send(body);
}
const notFound = (reply: FastifyReply) => envelope(reply, { ok: false, error: { code: 'NOT_FOUND', message: '文件不存在或无权查看' } }, 404);

export async function registerFiles(app: FastifyInstance, runtime: LocalRuntime, openidOf: (req: FastifyRequest) => string | null) {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_req, body, done) => done(null, body));
    scope.post<{ Querystring: { name?: string; kind?: string } }>('/__upload', { bodyLimit: UPLOAD_LIMIT }, async (req, reply) => {
      const openid = openidOf(req);
      if (!openid) return envelope(reply, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } }, 401);
      const body = req.body as Buffer;
      if (!Buffer.isBuffer(body) || body.length === 0) return envelope(reply, { ok: false, error: { code: 'INVALID_INPUT', message: '没有收到文件' } }, 400);
      const asked = req.query.kind;
      const kind: UploadKind = asked === 'sheet' || asked === 'photo' ? asked : /\.xlsx$/i.test(req.query.name ?? '') ? 'sheet' : 'photo';
      try {
        const fileId = await acceptUpload(makeCtx(runtime.ports, { openid }), kind, body);
        return envelope(reply, { ok: true, data: { fileId } }, 200);
      } catch (e) {
        if (e instanceof AppError) return envelope(reply, { ok: false, error: { code: e.code, message: e.message } }, e.code === 'RATE_LIMITED' ? 429 : 400);
        throw e;
      }
    });
  });

  app.get<{ Params: { '*': string }; Querystring: { grant?: string } }>('/files/*', async (req, reply) => {
    const path = req.params['*'];
    if (!FILE_PATH.test(path)) return notFound(reply);
    // A link a function granted (readableUrls) reads as the cloud's temp URL would: whoever holds it, until it expires.
    const access = runtime.ports.files.granted(path, req.query.grant) ? 'granted' : await mayReadFile(runtime.store, path, { openid: openidOf(req) });
    if (!access) return notFound(reply);
    let data: Buffer;
    try {
      data = await runtime.ports.files.get(`local:${path}`);
    } catch {
      return notFound(reply);
    }
    const type = sniffType(data);
    const shared = access === 'public';
    reply
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cross-origin-resource-policy', 'same-origin')
      .header('cache-control', shared ? 'public, max-age=300' : 'private, no-store');
    if (type && IMAGES.has(type)) return reply.type(MIME[type]).header('content-disposition', 'inline').send(data);
    // A PDF a function made (cards to print) opens in the browser's viewer; nothing a user uploaded does.
    if (type === 'pdf' && access === 'private') return reply.type(MIME.pdf).header('content-disposition', 'inline').send(data);
    const name = path.split('/').pop() as string;
    return reply
      .type(type ? MIME[type] : 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(data);
  });
}
