// The one way the mini program talks to cloud functions. weapp → Taro.cloud.callFunction;
// h5 → POST /api/<fn> on the local dev server. Always resolves to a reply envelope.
import Taro from '@tarojs/taro';
import type { ActionName, AppErrorBody, FunctionName, Functions, InputOf, OutputOf, Reply } from '../../contracts';

export type Output<F extends FunctionName, A extends ActionName<F>> = OutputOf<Functions[F][A]>;
export type Input<F extends FunctionName, A extends ActionName<F>> = InputOf<Functions[F][A]>;

export const NETWORK_ERROR: AppErrorBody = { code: 'INTERNAL', message: '网络不给力，请检查网络后重试' };
const BAD_REPLY: AppErrorBody = { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' };

let cloudReady = false;

/** The CloudBase environment this build talks to: LZT_ENV_ID at build time (config/index.ts); '' → the default one. */
const CLOUD_ENV = typeof LZT_CLOUD_ENV === 'string' ? LZT_CLOUD_ENV : '';

/** Idempotent. Called from app.tsx, and again on first call because an independent
 *  subpackage (the scan page) can open without app.tsx ever running. */
export function initCloud(): void {
  if (process.env.TARO_ENV !== 'weapp' || cloudReady) return;
  Taro.cloud.init({ ...(CLOUD_ENV ? { env: CLOUD_ENV } : {}), traceUser: true });
  cloudReady = true;
}

let envVersion: string | null = null;
/** develop / trial / release: sent with every call, so messages and codes open this same version. */
function miniProgramVersion(): string {
  if (envVersion === null) {
    try {
      envVersion = Taro.getAccountInfoSync().miniProgram.envVersion;
    } catch {
      envVersion = 'release';
    }
  }
  return envVersion;
}

function isReply(x: unknown): x is Reply<unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok === true) return 'data' in r;
  return r.ok === false && typeof r.error?.code === 'string' && typeof r.error?.message === 'string';
}

async function sendCloud(fn: string, body: Record<string, unknown>): Promise<unknown> {
  initCloud();
  const res = await Taro.cloud.callFunction({ name: fn, data: { ...body, envVersion: miniProgramVersion() } });
  return res.result; // the function already returns the envelope
}

async function sendHttp(fn: string, body: Record<string, unknown>): Promise<unknown> {
  const res = await fetch('/api/' + fn, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  try {
    return await res.json();
  } catch {
    return null; // not JSON: a proxy error page or similar
  }
}

// Chosen at build time, so the other transport is dropped from each bundle.
const send = process.env.TARO_ENV === 'weapp' ? sendCloud : sendHttp;

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: Input<F, A>,
): Promise<Reply<Output<F, A>>> {
  let result: unknown;
  try {
    result = await send(fn, { ...(input as object), action });
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  }
  return isReply(result) ? (result as Reply<Output<F, A>>) : { ok: false, error: BAD_REPLY };
}
