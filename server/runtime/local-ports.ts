// Local adapters of the ports: SQLite store, .xlsx in a worker thread, system (or injected) clock, a word-list
// content checker, an in-memory notifier, a QR that opens the H5 build and a phone-number
// button played by the H5 dev sheet.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { AppError } from '../core/errors';
import { recordingNotifier } from '../core/notify';
import type { Clock, ContentChecker, FileStore, Notifier, PhoneNumbers, Ports, QrMaker, Secrets, SendResult, SubscribeMessage } from '../core/ports';
import type { Store } from '../store/port';
import { workerSheets, type LocalSheets, type SheetWorkerLimits } from './local-sheets';

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests can set and move. */
export function manualClock(start: number): Clock & { set(t: number): void; advance(ms: number): void } {
  let t = start;
  return { now: () => t, set: (v) => (t = v), advance: (ms) => (t += ms) };
}

// What msgSecCheck would flag, in a few words per label: enough to exercise the path.
const BLOCKED: [string, RegExp][] = [
  ['违法犯罪', /赌博|博彩|毒品|冰毒|枪支|代开发票|办假证/],
  ['色情', /色情|裸聊|约炮/],
  ['辱骂', /傻逼|操你|去死吧/],
  ['欺诈', /刷单返利|中奖请汇款|内部荐股/],
  ['广告', /加微信领红包|代理招募|兼职日结/],
];

export const localChecker: ContentChecker = {
  async checkText(text) {
    for (const [label, re] of BLOCKED) if (re.test(text)) return { ok: false, label };
    return { ok: true };
  },
};

/**
 * Delivers into memory (`sent`), through the same checks and failure records as the cloud
 * (server/core/notify.ts). `unsubscribed` plays users who did not tap 允许: WeChat's 43101.
 */
export class MemoryNotifier implements Notifier {
  readonly sent: SubscribeMessage[] = [];
  readonly unsubscribed = new Set<string>();
  private readonly inner: Notifier;
  constructor(store: Store, clock: Clock) {
    this.inner = recordingNotifier(
      async (m) => {
        if (this.unsubscribed.has(m.touser)) return { sent: false, errCode: 43101, detail: 'user refuse to accept the msg' };
        this.sent.push(m);
        if (this.sent.length > 1000) this.sent.shift();
        return { sent: true };
      },
      { store, now: () => clock.now(), log: () => undefined },
    );
  }
  send(message: SubscribeMessage): Promise<SendResult> {
    return this.inner.send(message);
  }
}

const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export function localQr(baseUrl: string): QrMaker {
  return {
    async make({ scene, page, width = 430 }) {
      if (!SCENE.test(scene)) throw new AppError('INVALID_INPUT', '二维码参数不正确');
      const url = `${baseUrl}/#/${page}?scene=${encodeURIComponent(scene)}`;
      // filterType 2: pngjs's automatic filter choice is ~20× slower for no gain on a QR.
      return QRCode.toBuffer(url, { type: 'png', width, margin: 2, errorCorrectionLevel: 'M', rendererOpts: { filterType: 2 } } as QRCode.QRCodeToBufferOptions);
    },
  };
}

const FILE_PATH = /^[0-9A-Za-z_-]+(?:\/[0-9A-Za-z_.-]+)*$/;

/** The local file store, and what the dev server's /files/ asks of it. */
export interface LocalFileStore extends FileStore {
  /** Whether `grant` (the `?grant=` of a link `grant` made) still lets its holder read `path`. */
  granted(path: string, grant: string | undefined): boolean;
}

/**
 * Files under `dir`; ids are `local:<path>`, served by the dev server at /files/<path>.
 * A grant is `/files/<path>?grant=<expiry>.<HMAC of path and expiry>` under a key of this store
 * alone (so it lasts at most as long as the server): the local stand-in for a temp URL.
 */
export function localFiles(dir: string, clock: Clock = systemClock): LocalFileStore {
  fs.mkdirSync(dir, { recursive: true });
  const key = randomBytes(32);
  const sign = (p: string, until: number) => createHmac('sha256', key).update(`${p}\n${until}`).digest('base64url');
  const resolve = (p: string) => {
    if (!FILE_PATH.test(p) || p.split('/').some((s) => s === '..' || s === '.')) {
      throw new AppError('INVALID_INPUT', '文件路径不正确');
    }
    return path.join(dir, p);
  };
  const pathOf = (fileId: string) => {
    if (!fileId.startsWith('local:')) throw new AppError('INVALID_INPUT', '文件标识不正确');
    return fileId.slice('local:'.length);
  };
  return {
    async put(p, data) {
      const file = resolve(p);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, data);
      return `local:${p}`;
    },
    async get(fileId) {
      const file = resolve(pathOf(fileId));
      if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', '文件不存在或已过期，请重新上传');
      return fs.readFileSync(file);
    },
    async url(fileId) {
      resolve(pathOf(fileId));
      return `/files/${pathOf(fileId)}`;
    },
    async grant(fileIds, maxAgeSec) {
      const until = clock.now() + maxAgeSec * 1000;
      return fileIds.map((id) => {
        const p = pathOf(id);
        if (!fs.existsSync(resolve(p))) throw new AppError('NOT_FOUND', '文件不存在或已过期');
        return `/files/${p}?grant=${until}.${sign(p, until)}`;
      });
    },
    granted(p, grant) {
      const m = /^(\d{1,15})\.([\w-]{43})$/.exec(grant ?? '');
      if (!m || Number(m[1]) <= clock.now()) return false;
      const want = Buffer.from(sign(p, Number(m[1])));
      const got = Buffer.from(m[2]);
      return got.length === want.length && timingSafeEqual(got, want);
    },
  };
}

/** Fixed keys; without one, a random key that lives as long as the runtime (tests, benches). */
export function localSecrets(passKey?: string | Buffer): Secrets {
  const key = passKey === undefined ? randomBytes(32) : Buffer.isBuffer(passKey) ? passKey : Buffer.from(passKey, 'utf8');
  return { passKey: () => key };
}

/**
 * WeChat's getPhoneNumber, played locally: the H5 dev sheet (src/register/parts/PhoneCheck.tsx)
 * stands for WeChat's own sheet and hands over `dev-phone:<number>:<nonce>`, as if WeChat said
 * the account holds <number>. Like WeChat's codes, each works once.
 */
export const DEV_PHONE_CODE = /^dev-phone:(1\d{10}):[0-9A-Za-z]{6,32}$/;

export function localPhones(): PhoneNumbers {
  const spent = new Set<string>();
  return {
    async numberOf(code) {
      const m = DEV_PHONE_CODE.exec(code);
      if (!m || spent.has(code)) throw new AppError('INVALID_INPUT', '手机号验证已失效，请重新点“用微信手机号验证”');
      spent.add(code);
      if (spent.size > 10_000) spent.clear();
      return { phone: m[1], countryCode: '86' };
    },
  };
}

export interface LocalPortsOptions {
  store: Store;
  /** Folder for files; default: a `files` folder beside the database, or a temp folder. */
  filesDir: string;
  clock?: Clock;
  baseUrl?: string;
  /** The perk-pass signing key (see LocalRuntimeOptions.passKey). */
  passKey?: string | Buffer;
  /** The sheets worker's bounds (default SHEET_WORKER_LIMITS); tests shorten them. */
  sheets?: Partial<SheetWorkerLimits>;
}

export function localPorts(opts: LocalPortsOptions): Ports & { notifier: MemoryNotifier; files: LocalFileStore; sheets: LocalSheets } {
  const clock = opts.clock ?? systemClock;
  return {
    store: opts.store,
    sheets: workerSheets(opts.sheets),
    files: localFiles(opts.filesDir, clock),
    clock,
    checker: localChecker,
    notifier: new MemoryNotifier(opts.store, clock),
    qr: localQr(opts.baseUrl ?? 'http://127.0.0.1:8080'),
    secrets: localSecrets(opts.passKey),
    phones: localPhones(),
  };
}
