// Uploaded files: what each feature accepts, who owns an upload, who may read it.
//
// FOR EVERY HANDLER THAT TAKES A FILE ID (photos of a 三长, a partner's logo, nomination photos,
// a campaign cover, notice images, 民情 photos, an imported sheet):
//
//   await requireOwnedFiles(ctx, ids, 'photo' | 'sheet', { kept })
//
// before storing or reading them. It accepts an id only from an upload the caller made (the
// `uploads` record names its owner), of the kind asked for (checked by content, not by name);
// ids in `kept` (already on the record being saved, e.g. a logo kept when a partner is saved
// again) pass as they are. Anything else is NOT_FOUND, the same answer as a missing file, so
// a guessed or borrowed id tells nothing. One read for all the ids. Then, when the files become
// visible to everyone (a 三长's photo on the card, an approved nomination photo, a published
// notice), store `await publishFiles(ctx, ids)` instead: the ids of their copies in `pub/`.
// Until then only the owner reads them; a handler that shows them to someone else it has
// decided may see them (a 管理员 reviewing, the people handling a 民情) hands out
// `readableUrls(ctx, ids)`: short-lived addresses, in the cloud and locally alike.
//
// How an upload is made and recorded, the same rule in both runtimes:
// - locally (dev server, H5): POST /__upload?kind=photo|sheet → `acceptUpload` (signed-in,
//   per-user daily quota, type by magic bytes, an unguessable name) stores and records it;
// - in the cloud: the mini program asks `account.uploadTicket` for a cloud path (quota, an
//   unguessable name, recorded with the caller as owner) and uploads there; the type is
//   checked by content the first time a function accepts the file (then remembered).
// Files a function makes for its caller (import reports with full phones, card PDFs) are
// stored with `putPrivateFile`: unguessable names, readable by that caller only (locally; in
// the cloud they reach the caller as a temporary URL the function makes).
import { createHash, randomBytes } from 'node:crypto';
import type { Ctx } from '../core/context';
import { AppError } from '../core/errors';
import { rateLimit } from '../core/rate-limit';
import { cmd, type Store } from '../store/port';

export type UploadKind = 'photo' | 'sheet';
export type FileType = 'png' | 'jpeg' | 'gif' | 'webp' | 'xlsx' | 'pdf';

const DAY_MS = 24 * 3600_000;

export const UPLOAD_RULES: Record<UploadKind, { types: FileType[]; maxBytes: number; perDay: number; wrongType: string }> = {
  photo: { types: ['jpeg', 'png', 'webp', 'gif'], maxBytes: 10 * 1024 * 1024, perDay: 100, wrongType: '只能上传 JPG、PNG、WebP 或 GIF 格式的照片' },
  sheet: { types: ['xlsx'], maxBytes: 20 * 1024 * 1024, perDay: 50, wrongType: '只能上传 Excel 表格（.xlsx）' },
};

export const MIME: Record<FileType, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};
const EXT: Record<FileType, string> = { png: 'png', jpeg: 'jpg', gif: 'gif', webp: 'webp', xlsx: 'xlsx', pdf: 'pdf' };

/** The type of a file by its first bytes (magic numbers); null for anything else (html, svg, scripts …). */
export function sniffType(data: Buffer): FileType | null {
  const at = (offset: number, bytes: number[]) => data.length >= offset + bytes.length && bytes.every((b, i) => data[offset + i] === b);
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (at(0, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (at(0, [0x47, 0x49, 0x46, 0x38]) && (at(4, [0x37, 0x61]) || at(4, [0x39, 0x61]))) return 'gif';
  if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'webp';
  if (at(0, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  // An .xlsx is a zip (local file header) whose entries include [Content_Types].xml.
  if (at(0, [0x50, 0x4b, 0x03, 0x04]) && data.includes('[Content_Types].xml')) return 'xlsx';
  return null;
}

/** The storage path inside a file id: `local:<path>` or `cloud://<env>.<bucket>/<path>`. */
export function pathOfFileId(fileId: string): string | null {
  if (fileId.startsWith('local:')) return fileId.slice('local:'.length) || null;
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
  return m ? m[1] : null;
}

/** The `uploads` record of a path (paths can be long; the key is their hash). */
export const uploadKey = (path: string) => 'f' + createHash('sha256').update(path).digest('hex').slice(0, 40);

export interface UploadDoc {
  _id: string;
  path: string;
  /** Who uploaded it (or for whom a function made it). */
  owner: string;
  kind: UploadKind;
  /** Known once the content was checked. */
  type?: FileType;
  size?: number;
  /** The id of its copy in `pub/` once published (a photo on a card, an approved nomination photo …). */
  published?: string;
  createdAt: number;
}

const NOT_FOUND = '文件不存在或已过期，请重新上传';
const token = () => randomBytes(16).toString('hex');

async function quota(ctx: Ctx, kind: UploadKind) {
  const rule = UPLOAD_RULES[kind];
  await rateLimit(ctx, `upload:${kind}:${ctx.openid()}`, rule.perDay, DAY_MS, `今天上传的${kind === 'photo' ? '照片' : '表格'}已达 ${rule.perDay} 个，请明天再试`);
}

export async function recordUpload(store: Store, doc: Omit<UploadDoc, '_id'>): Promise<void> {
  await store.collection('uploads').doc(uploadKey(doc.path)).set(doc);
}

/** Local uploads (dev server): checks quota, size and type by content, stores under an unguessable name. */
export async function acceptUpload(ctx: Ctx, kind: UploadKind, data: Buffer): Promise<string> {
  const owner = ctx.openid();
  const rule = UPLOAD_RULES[kind];
  if (data.length === 0) throw new AppError('INVALID_INPUT', '没有收到文件');
  if (data.length > rule.maxBytes) throw new AppError('INVALID_INPUT', `文件太大了（超过 ${rule.maxBytes / 1024 / 1024}MB），请换一个`);
  const type = sniffType(data);
  if (!type || !rule.types.includes(type)) throw new AppError('INVALID_INPUT', rule.wrongType);
  await quota(ctx, kind);
  const path = `uploads/${kind}/${token()}.${EXT[type]}`;
  const fileId = await ctx.files.put(path, data, MIME[type]);
  await recordUpload(ctx.store, { path, owner, kind, type, size: data.length, createdAt: ctx.clock.now() });
  return fileId;
}

/** Cloud uploads: a path of the caller's own to upload to (the type is checked when a function first accepts it). */
export async function uploadTicket(ctx: Ctx, kind: UploadKind, ext: string): Promise<{ cloudPath: string }> {
  const owner = ctx.openid();
  await quota(ctx, kind);
  const path = `uploads/${kind}/${token()}.${ext}`;
  await recordUpload(ctx.store, { path, owner, kind, createdAt: ctx.clock.now() });
  return { cloudPath: path };
}

/** Folders of files a function makes for its caller alone; the caller's tag is in the path (no record, no store write). */
export const PRIVATE_FOLDERS = ['reports', 'cards'] as const;
export const ownerTag = (openid: string) => createHash('sha256').update(`lzt-owner:${openid}`).digest('hex').slice(0, 24);

/** A file a function makes for its caller alone (a report with full phones, a PDF of cards): `<folder>/<owner tag>/<name>-<random>.<ext>`. */
export async function putPrivateFile(ctx: Ctx, folder: (typeof PRIVATE_FOLDERS)[number], name: string, type: FileType, data: Buffer): Promise<string> {
  return ctx.files.put(`${folder}/${ownerTag(ctx.openid())}/${name}-${token()}.${EXT[type]}`, data, MIME[type]);
}

/** See the top of this file. Refuses (NOT_FOUND) any id that is not the caller's upload of `kind`. */
export async function requireOwnedFiles(ctx: Ctx, ids: readonly string[], kind: UploadKind, opts: { kept?: readonly (string | undefined)[] } = {}): Promise<void> {
  const kept = new Set(opts.kept ?? []);
  const fresh = [...new Set(ids)].filter((id) => !kept.has(id));
  if (fresh.length === 0) return;
  const owner = ctx.openid();
  const paths = fresh.map((id) => pathOfFileId(id));
  if (paths.some((p) => !p)) throw new AppError('NOT_FOUND', NOT_FOUND);
  const keys = (paths as string[]).map(uploadKey);
  const docs = (await ctx.store.collection('uploads').where({ _id: cmd.in(keys) }).limit(keys.length).get());
  const byKey = new Map(docs.map((d) => [d._id, d]));
  for (const [i, path] of (paths as string[]).entries()) {
    const doc = byKey.get(keys[i]);
    if (!doc || doc.path !== path || doc.owner !== owner) throw new AppError('NOT_FOUND', NOT_FOUND);
    if (doc.kind !== kind) throw new AppError('INVALID_INPUT', UPLOAD_RULES[kind].wrongType);
    if (doc.type) continue;
    // Uploaded to the cloud with a ticket: check what arrived, once.
    const data = await ctx.files.get(fresh[i]);
    const type = sniffType(data);
    if (!type || !UPLOAD_RULES[kind].types.includes(type)) throw new AppError('INVALID_INPUT', UPLOAD_RULES[kind].wrongType);
    if (data.length > UPLOAD_RULES[kind].maxBytes) throw new AppError('INVALID_INPUT', '文件太大了，请换一个');
    await ctx.store.collection('uploads').doc(doc._id).update({ type, size: data.length });
  }
}

/** Where an upload's published copy lives: `uploads/photo/<token>.png` → `pub/photo/<token>.png` (as unguessable). */
export const publishedPath = (path: string): string | null => (/^uploads\/[^/]+\/[^/]+$/.test(path) ? `pub/${path.slice('uploads/'.length)}` : null);

/**
 * The files are now shown to everyone (see the top of this file): each upload is copied into
 * `pub/` (the storage rule lets everyone read `pub/`, and only the uploader `uploads/`), and
 * the answer is the ids to store instead, in order. An id already in `pub/` (kept from an
 * earlier save) is answered as it is; so is any other id (a function's own file). The copy's
 * path follows from the upload's, so publishing again (a retry) writes the same file.
 */
export async function publishFiles(ctx: Ctx, ids: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) {
    const path = pathOfFileId(id);
    const target = path ? publishedPath(path) : null;
    if (!path || !target) {
      out.push(id);
      continue;
    }
    const doc = await ctx.store.collection('uploads').doc(uploadKey(path)).get();
    if (doc?.path === path && doc.published) {
      out.push(doc.published);
      continue;
    }
    const data = await ctx.files.get(id);
    const type = doc?.type ?? sniffType(data);
    const pub = await ctx.files.put(target, data, type ? MIME[type] : 'application/octet-stream');
    if (doc?.path === path) await ctx.store.collection('uploads').doc(doc._id).update({ published: pub });
    out.push(pub);
  }
  return out;
}

/** How long a granted address works: long enough to look at a page, short enough not to become a link to keep. */
export const GRANT_SECONDS = 2 * 3600;

/**
 * FOR A HANDLER THAT SHOWS FILES TO SOMEONE WHO IS NOT THEIR OWNER, AND NOT TO EVERYONE (a
 * 管理员 reviewing a nomination's photos; the people handling a 民情 seeing the reporter's
 * photos): once the handler has decided the caller may see them,
 *
 *   const srcs = await readableUrls(ctx, photos)   // same order; put them in the reply
 *
 * gives each file an address its holder can read for GRANT_SECONDS (cloud: a temp URL;
 * locally: a signed /files/ link). Files in `pub/` are answered as their ids (readable by
 * all). Nothing is checked here: the handler's own rule is the check, so call it only after.
 * The client shows any answer with fileSrc (src/api/fileSrc.ts).
 */
export async function readableUrls(ctx: Ctx, ids: readonly string[]): Promise<string[]> {
  const hidden = [...new Set(ids.filter((id) => !/^pub\//.test(pathOfFileId(id) ?? '')))];
  const urls = hidden.length ? await ctx.files.grant(hidden, GRANT_SECONDS) : [];
  const byId = new Map(hidden.map((id, i) => [id, urls[i]]));
  return ids.map((id) => byId.get(id) ?? id);
}

/** readableUrls, with null for a file that is gone (NOT_FOUND), so one lost file does not fail a whole list. */
export async function readableUrlsOrNull(ctx: Ctx, ids: readonly string[]): Promise<(string | null)[]> {
  try {
    return await readableUrls(ctx, ids);
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'NOT_FOUND')) throw e;
    return Promise.all(ids.map((id) => readableUrls(ctx, [id]).then(([u]) => u, (err: unknown) => (err instanceof AppError && err.code === 'NOT_FOUND' ? null : Promise.reject(err)))));
  }
}

/**
 * Who may read a stored file (the local server's /files/), exactly as the cloud's storage rule
 * says (STORAGE_RULE in scripts/deploy/plan.ts): public folders (templates, QR codes, `pub/`)
 * anyone; an upload its owner only; a function's private file its owner only. Anyone else
 * reads a file only through an address a function granted (`readableUrls`).
 */
export async function mayReadFile(store: Store, path: string, reader: { openid: string | null }): Promise<UploadDoc | 'public' | 'private' | null> {
  if (/^(?:templates|qr|pub)\//.test(path)) return 'public';
  const [folder, tag] = path.split('/');
  if ((PRIVATE_FOLDERS as readonly string[]).includes(folder)) return reader.openid && tag === ownerTag(reader.openid) ? 'private' : null;
  if (folder !== 'uploads') return null;
  const doc = await store.collection('uploads').doc(uploadKey(path)).get();
  if (!doc || doc.path !== path) return null;
  if (reader.openid && doc.owner === reader.openid) return doc;
  return null;
}
