// The cloud adapters of the ports: CloudBase database, WeChat open API through
// wx-server-sdk's cloud calls (security, subscribeMessage, wxacode, phonenumber).
import { AppError } from '../core/errors';
import { recordingNotifier, type Deliver } from '../core/notify';
import type { ContentChecker, FileStore, Notifier, PhoneNumbers, Ports, QrMaker, Secrets, Sheets } from '../core/ports';
import type { Logger } from '../core/router';
import { MIN_SECRET_LENGTH } from '../deploy/functions';
import { CloudStore, type SdkDatabase } from '../store/cloud';
import type { Store } from '../store/port';

// ---- our typed view of `cloud.openapi` (typed Record<string, any> by the SDK) ----
// A cloud call converts camelCase keys to snake_case and back; a non-zero errcode
// rejects with an error whose `errCode` is that errcode.
export interface MsgSecCheckResult {
  result?: { suggest?: string; label?: number | string };
}
export interface OpenApi {
  security: {
    msgSecCheck(p: { openid: string; scene: number; version: 2; content: string }): Promise<MsgSecCheckResult>;
  };
  subscribeMessage: {
    send(p: {
      touser: string;
      templateId: string;
      page?: string;
      data: Record<string, { value: string }>;
      miniprogramState: 'formal' | 'trial' | 'developer';
    }): Promise<unknown>;
  };
  wxacode: {
    /** An image answer comes back as `{ contentType, buffer }`. */
    getUnlimited(p: {
      scene: string;
      page: string;
      width?: number;
      checkPath: boolean;
      envVersion: 'release' | 'trial' | 'develop';
    }): Promise<{ buffer?: Uint8Array; contentType?: string }>;
  };
  phonenumber: {
    getPhoneNumber(p: { code: string }): Promise<{ phoneInfo?: { purePhoneNumber?: string; countryCode?: string | number } }>;
  };
}

/** What the ports need of wx-server-sdk (the real module satisfies it, see cloud.ts). */
export interface CloudSdk {
  database(config?: object): unknown;
  openapi: object;
  // Typed by the SDK as `void | Promise<…>` (callback style); we always use the promise.
  uploadFile(p: { cloudPath: string; fileContent: Buffer }): unknown;
  downloadFile(p: { fileID: string }): unknown;
  getTempFileURL(p: { fileList: (string | { fileID: string; maxAge: number })[] }): unknown;
}

// ---- cloud storage ----
export function cloudFiles(cloud: CloudSdk): FileStore {
  return {
    async put(path, data) {
      const res = (await cloud.uploadFile({ cloudPath: path, fileContent: data })) as { fileID: string };
      return res.fileID;
    },
    async get(fileId) {
      if (!fileId.startsWith('cloud://')) throw new AppError('INVALID_INPUT', '文件标识不正确');
      const res = (await cloud.downloadFile({ fileID: fileId })) as { fileContent: Buffer };
      return Buffer.from(res.fileContent);
    },
    async url(fileId) {
      const res = (await cloud.getTempFileURL({ fileList: [fileId] })) as { fileList: { tempFileURL?: string }[] };
      const [file] = res.fileList;
      if (!file?.tempFileURL) throw new AppError('NOT_FOUND', '文件不存在或已过期');
      return file.tempFileURL;
    },
    async grant(fileIds, maxAgeSec) {
      const urls: string[] = [];
      // getTempFileURL takes at most 50 files a call.
      for (let i = 0; i < fileIds.length; i += 50) {
        const fileList = fileIds.slice(i, i + 50).map((fileID) => ({ fileID, maxAge: maxAgeSec }));
        const res = (await cloud.getTempFileURL({ fileList })) as { fileList: { fileID?: string; tempFileURL?: string; status?: number }[] };
        for (const [j, id] of fileList.entries()) {
          const file = res.fileList.find((f) => f.fileID === id.fileID) ?? res.fileList[j];
          if (!file?.tempFileURL || (file.status !== undefined && file.status !== 0)) throw new AppError('NOT_FOUND', '文件不存在或已过期');
          urls.push(file.tempFileURL);
        }
      }
      return urls;
    },
  };
}

const defaultLog: Logger = (message, error) => console.error(`[lzt] ${message}`, error ?? '');

const errCodeOf = (e: unknown): unknown => (e && typeof e === 'object' ? (e as { errCode?: unknown }).errCode : undefined);

// ---- content security ----
export const RISK_LABELS: Record<number, string> = {
  100: '正常',
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他',
};
const CHECK_UNAVAILABLE = '内容安全检查暂时不可用，请稍后再试';

export function cloudChecker(api: OpenApi, log: Logger = defaultLog): ContentChecker {
  return {
    async checkText(text, { openid, scene }) {
      if (text.trim() === '') return { ok: true };
      let res: MsgSecCheckResult;
      try {
        res = await api.security.msgSecCheck({ openid, scene, version: 2, content: text });
      } catch (e) {
        log('msgSecCheck failed', e);
        throw new AppError('INTERNAL', CHECK_UNAVAILABLE); // fail closed
      }
      const suggest = res?.result?.suggest;
      if (suggest === 'risky') return { ok: false, label: RISK_LABELS[Number(res.result?.label)] ?? '其他' };
      if (suggest === 'pass' || suggest === 'review') return { ok: true };
      log(`msgSecCheck answered without a verdict: ${JSON.stringify(res)}`);
      throw new AppError('INTERNAL', CHECK_UNAVAILABLE);
    },
  };
}

// ---- subscribe messages: checked, sent, and every one not sent recorded (server/core/notify.ts) ----
/** Which version a message opens: the one the mini program runs as (develop → developer, trial, release → formal). */
export type MiniprogramState = 'formal' | 'trial' | 'developer';

export function cloudDelivery(api: OpenApi, state: MiniprogramState = 'formal'): Deliver {
  return async (m) => {
    try {
      await api.subscribeMessage.send({
        touser: m.touser,
        templateId: m.templateId,
        ...(m.page ? { page: m.page } : {}),
        data: m.data,
        miniprogramState: state,
      });
      return { sent: true };
    } catch (e) {
      const errCode = errCodeOf(e);
      return { sent: false, ...(typeof errCode === 'number' ? { errCode } : {}), detail: e instanceof Error ? e.message : String(e) };
    }
  };
}

export function cloudNotifier(
  api: OpenApi,
  store: Store,
  opts: { log?: Logger; now?: () => number; state?: MiniprogramState } = {},
): Notifier {
  return recordingNotifier(cloudDelivery(api, opts.state), { store, now: opts.now ?? Date.now, log: opts.log ?? defaultLog });
}

/**
 * The version of the mini program a call came from (`envVersion` of Taro.getAccountInfoSync(),
 * sent with every call by src/api/client.ts): messages and codes made for it open the same
 * version, so a trial build is tested end to end on trial. Not identity: at worst a caller
 * makes a link open another version. Anything else reads as release.
 */
export type EnvVersion = 'release' | 'trial' | 'develop';
export const ENV_VERSIONS: readonly EnvVersion[] = ['release', 'trial', 'develop'];
export const envVersionOf = (v: unknown): EnvVersion => (ENV_VERSIONS.includes(v as EnvVersion) ? (v as EnvVersion) : 'release');
const STATE_OF: Record<EnvVersion, MiniprogramState> = { release: 'formal', trial: 'trial', develop: 'developer' };

// ---- mini program codes ----
/** wxacode.getUnlimited: at most 32 visible characters of this set. */
export const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export function cloudQr(api: OpenApi, envVersion: EnvVersion = 'release'): QrMaker {
  return {
    async make({ scene, page, width }) {
      if (!SCENE.test(scene)) {
        throw new AppError('INVALID_INPUT', "二维码参数不合规：最多32个字符，只能使用字母、数字和 !#$&'()*+,/:;=?@-._~");
      }
      if (page.includes('?')) throw new AppError('INVALID_INPUT', '二维码页面路径不能带参数');
      if (width !== undefined && (!Number.isInteger(width) || width < 280 || width > 1280)) {
        throw new AppError('INVALID_INPUT', '二维码宽度应在 280 到 1280 之间');
      }
      let res: { buffer?: Uint8Array };
      try {
        res = await api.wxacode.getUnlimited({
          scene,
          page: page.replace(/^\/+/, ''), // "根路径前不要填加 /"
          ...(width !== undefined ? { width } : {}),
          checkPath: false,
          envVersion,
        });
      } catch (e) {
        if (errCodeOf(e) === 45009) throw new AppError('RATE_LIMITED', '生成二维码太频繁，请稍后再试');
        throw e;
      }
      if (!res?.buffer) throw new AppError('INTERNAL', '二维码生成失败，请稍后再试');
      return Buffer.from(res.buffer);
    },
  };
}

// ---- the caller's WeChat phone number, from the getPhoneNumber button's code ----
/** The code is invalid, expired or already used (40029; 40163 "code been used"): the user taps again. Anything else is logged. */
const CODE_SPENT = [40029, 40163];

export function cloudPhones(api: OpenApi, log: Logger = defaultLog): PhoneNumbers {
  return {
    async numberOf(code) {
      let res: Awaited<ReturnType<OpenApi['phonenumber']['getPhoneNumber']>>;
      try {
        res = await api.phonenumber.getPhoneNumber({ code });
      } catch (e) {
        if (CODE_SPENT.includes(errCodeOf(e) as number)) throw new AppError('INVALID_INPUT', '手机号验证已失效，请重新点“用微信手机号验证”');
        log('phonenumber.getPhoneNumber failed', e);
        throw new AppError('INTERNAL', '暂时无法读取微信手机号，请稍后再试');
      }
      const phone = res?.phoneInfo?.purePhoneNumber;
      if (!phone) throw new AppError('INTERNAL', '暂时无法读取微信手机号，请稍后再试');
      return { phone, countryCode: String(res.phoneInfo?.countryCode ?? '86') };
    },
  };
}

// ---- secrets: the function's environment variables (set per environment in the console) ----

export function envSecrets(env: Record<string, string | undefined> = process.env, log: Logger = defaultLog): Secrets {
  let passKey: Buffer | null = null;
  return {
    passKey() {
      if (!passKey) {
        const value = env.LZT_PASS_SECRET ?? '';
        if (value.length < MIN_SECRET_LENGTH) {
          log(`LZT_PASS_SECRET is ${value ? 'too short' : 'not set'}: perk passes cannot be signed or verified`);
          throw new AppError('INTERNAL', '优惠码服务尚未配置，请联系管理员'); // fail closed
        }
        passKey = Buffer.from(value, 'utf8');
      }
      return passKey;
    },
  };
}

// ---- all ports ----
/**
 * The ports of one container, per mini program version (at most three sets, made on first
 * use): the store, files, checker and secrets are shared; the notifier and the QR maker
 * follow the caller's version.
 */
/**
 * The sheets port of a function that reads or writes no .xlsx: the ones that do (roster, perk)
 * pass `inProcessSheets` to cloudMain, so exceljs is bundled and installed only where it is used.
 */
export const noSheets: Sheets = {
  read: () => Promise.reject(new Error('this cloud function was deployed without a sheets port (cloudMain\'s third argument)')),
  write: () => Promise.reject(new Error('this cloud function was deployed without a sheets port (cloudMain\'s third argument)')),
};

export function cloudPorts(cloud: CloudSdk, log: Logger = defaultLog, sheets: Sheets = noSheets): (envVersion?: EnvVersion) => Ports {
  // throwOnNotFound: false makes doc.get() of a missing document answer { data: null }.
  const db = cloud.database({ throwOnNotFound: false }) as SdkDatabase;
  const api = cloud.openapi as OpenApi;
  const store = new CloudStore(db);
  const clock = { now: () => Date.now() };
  const shared = {
    store,
    files: cloudFiles(cloud),
    sheets,
    clock,
    checker: cloudChecker(api, log),
    secrets: envSecrets(process.env, log),
    phones: cloudPhones(api, log),
  };
  const byVersion = new Map<EnvVersion, Ports>();
  return (envVersion = 'release') => {
    let ports = byVersion.get(envVersion);
    if (!ports) {
      ports = {
        ...shared,
        notifier: cloudNotifier(api, store, { log, now: clock.now, state: STATE_OF[envVersion] }),
        qr: cloudQr(api, envVersion),
      };
      byVersion.set(envVersion, ports);
    }
    return ports;
  };
}
