// The cloud runtime: a cloud function's `main`. The caller is whoever WeChat says
// (`getWXContext().OPENID`); nothing in the event (its `userInfo`, an `openid` field)
// is ever taken as identity.
import type { FunctionContract } from '../../contracts/action';
import { DEFAULT_MESSAGES, type Reply } from '../../contracts/envelope';
import type { Ports, Sheets } from '../core/ports';
import { dispatch, type FunctionDef } from '../core/router';
import { cloudPorts, envVersionOf, type CloudSdk, type EnvVersion } from './cloud-ports';

export interface WxServerSdk extends CloudSdk {
  /** Typed `symbol` by the SDK, while init() wants a string. */
  DYNAMIC_CURRENT_ENV: symbol | string;
  init(config: { env: string }): void;
  getWXContext(): { OPENID?: string };
}

/** Fails to compile if the real wx-server-sdk typings stop fitting our interface. */
type Fits<T extends WxServerSdk> = T;
export type RealSdkFits = Fits<typeof import('wx-server-sdk')>;

export type CloudMain = (event: unknown, context?: unknown) => Promise<Reply<unknown>>;

/** The SDK and the ports, made once per container on its first call. */
function containerSetup(sdk?: WxServerSdk, sheets?: Sheets): () => { cloud: WxServerSdk; ports: (envVersion?: EnvVersion) => Ports } {
  let ready: { cloud: WxServerSdk; ports: (envVersion?: EnvVersion) => Ports } | null = null;
  return () => {
    if (!ready) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const cloud = sdk ?? (require('wx-server-sdk') as WxServerSdk);
      cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
      ready = { cloud, ports: cloudPorts(cloud, undefined, sheets) };
    }
    return ready;
  };
}

/**
 * `exports.main = cloudMain(fnDef)`; tests pass a fake `sdk` (the real one must not load there).
 * A function that reads or writes .xlsx passes `inProcessSheets` (server/core/spreadsheet.ts):
 * an instance serves one call at a time, so parsing in-process keeps no other caller waiting.
 */
export function cloudMain<C extends FunctionContract>(fnDef: FunctionDef<C>, sdk?: WxServerSdk, sheets?: Sheets): CloudMain {
  const setup = containerSetup(sdk, sheets);
  return async (event) => {
    let cloud: WxServerSdk;
    let ports: Ports;
    try {
      const ready = setup();
      cloud = ready.cloud;
      ports = ready.ports(envVersionOf((event as { envVersion?: unknown } | null)?.envVersion));
    } catch (e) {
      console.error(`[lzt] ${fnDef.name}: cloud runtime failed to start`, e);
      return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } };
    }
    const openid = cloud.getWXContext().OPENID || null;
    return dispatch(fnDef, event, ports, { openid });
  };
}

/**
 * `exports.main = cloudTimerMain(name, job)` for a function run by its timer trigger
 * (config.json beside it). A call from a user (WeChat names an OPENID) is refused: the job
 * is nobody's action, and a user could otherwise run it at will.
 */
export function cloudTimerMain<T>(name: string, job: (ports: Ports) => Promise<T>, sdk?: WxServerSdk): CloudMain {
  const setup = containerSetup(sdk);
  return async (event) => {
    try {
      const { cloud, ports: portsFor } = setup();
      const ports = portsFor();
      const timer = typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
      if (cloud.getWXContext().OPENID || !timer) return { ok: false, error: { code: 'FORBIDDEN', message: DEFAULT_MESSAGES.FORBIDDEN } };
      const data = await job(ports);
      console.log(`[lzt] ${name}: ${JSON.stringify(data)}`);
      return { ok: true, data };
    } catch (e) {
      console.error(`[lzt] ${name} failed`, e);
      return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } };
    }
  };
}
