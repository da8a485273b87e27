// The cloud runtime: a cloud function's `main`. The caller is whoever WeChat says
// (`getWXContext().OPENID`); nothing in the event (its `userInfo`, an `openid` field)
// is ever taken as identity.
import type { FunctionContract } from '../../contracts/action';
import { DEFAULT_MESSAGES, type Reply } from '../../contracts/envelope';
import type { Ports } from '../core/ports';
import { dispatch, type FunctionDef } from '../core/router';
import { cloudPorts, type CloudSdk } from './cloud-ports';

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

/** `exports.main = cloudMain(fnDef)`; tests pass a fake `sdk` (the real one must not load there). */
export function cloudMain<C extends FunctionContract>(fnDef: FunctionDef<C>, sdk?: WxServerSdk): CloudMain {
  let ready: { cloud: WxServerSdk; ports: Ports } | null = null;

  // Once per container, on the first call.
  const setup = () => {
    if (!ready) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const cloud = sdk ?? (require('wx-server-sdk') as WxServerSdk);
      cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
      ready = { cloud, ports: cloudPorts(cloud) };
    }
    return ready;
  };

  return async (event) => {
    let cloud: WxServerSdk;
    let ports: Ports;
    try {
      ({ cloud, ports } = setup());
    } catch (e) {
      console.error(`[lzt] ${fnDef.name}: cloud runtime failed to start`, e);
      return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } };
    }
    const openid = cloud.getWXContext().OPENID || null;
    return dispatch(fnDef, event, ports, { openid });
  };
}
