// Local adapters of the ports: SQLite store, system (or injected) clock, a word-list
// content checker, an in-memory notifier and a QR that opens the H5 build.
import QRCode from 'qrcode';
import { AppError } from '../core/errors';
import type { Clock, ContentChecker, Notifier, Ports, QrMaker, SubscribeMessage } from '../core/ports';
import { SqliteStore } from '../store/sqlite';

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

export class MemoryNotifier implements Notifier {
  readonly sent: SubscribeMessage[] = [];
  async send(message: SubscribeMessage): Promise<void> {
    this.sent.push(message);
    if (this.sent.length > 1000) this.sent.shift();
  }
}

const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export function localQr(baseUrl: string): QrMaker {
  return {
    async make({ scene, page, width = 430 }) {
      if (!SCENE.test(scene)) throw new AppError('INVALID_INPUT', '二维码参数不正确');
      const url = `${baseUrl}/#/${page}?scene=${encodeURIComponent(scene)}`;
      return QRCode.toBuffer(url, { type: 'png', width, margin: 2, errorCorrectionLevel: 'M' });
    },
  };
}

export interface LocalPortsOptions {
  store: SqliteStore;
  clock?: Clock;
  baseUrl?: string;
}

export function localPorts(opts: LocalPortsOptions): Ports & { notifier: MemoryNotifier } {
  return {
    store: opts.store,
    clock: opts.clock ?? systemClock,
    checker: localChecker,
    notifier: new MemoryNotifier(),
    qr: localQr(opts.baseUrl ?? 'http://127.0.0.1:8080'),
  };
}
