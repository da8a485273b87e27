// One router for every cloud function: envelope in, envelope out.
// Order: shape of the call → action → input schema → roles → handler → audit entry (for the
// actions in contracts/audited.ts, when the call wrote anything) → output schema.
// Nothing reaches a handler (so nothing is written) unless the input parsed.
import type { z } from 'zod';
import type { ActionContract, FunctionContract } from '../../contracts/action';
import { DEFAULT_MESSAGES, type Reply } from '../../contracts/envelope';
import type { Role } from '../../contracts/roles';
import { describeIssues } from '../../contracts/zh-errors';
import { finishAudit } from '../domain/audit';
import { effectiveRoles, loadUser, type UserDoc } from '../domain/users';
import { appendOnly } from '../store/append-only';
import { StoreError } from '../store/port';
import type { Ctx } from './context';
import { AppError } from './errors';
import { projectOutput } from './output';
import { plainInput } from './plain-input';
import type { Caller, Ports } from './ports';

export type Handler<A extends ActionContract> = (
  ctx: Ctx,
  input: z.output<A['input']>,
) => Promise<z.input<A['output']>>;

export type Handlers<C extends FunctionContract> = { [K in keyof C]: Handler<C[K]> };

export interface FunctionDef<C extends FunctionContract = FunctionContract> {
  name: string;
  contract: C;
  handlers: Handlers<C>;
}

export function defineFunction<C extends FunctionContract>(name: string, contract: C, handlers: Handlers<C>): FunctionDef<C> {
  return { name, contract, handlers };
}

/** Keys the platform (or our client: `envVersion`, read by the cloud runtime) adds to an event; never input. */
const PLATFORM_KEYS = new Set(['action', 'userInfo', 'tcbContext', 'envVersion']);

export type Logger = (message: string, error?: unknown) => void;
const defaultLogger: Logger = (message, error) => console.error(`[lzt] ${message}`, error);

export function invalid(message: string): Reply<never> {
  return { ok: false, error: { code: 'INVALID_INPUT', message } };
}

/** A call's context: the ports, the caller, and the caller's user read once (a class: nothing is made per call but the object). */
class CallCtx implements Ctx {
  readonly store: Ports['store'];
  readonly files: Ports['files'];
  readonly sheets: Ports['sheets'];
  readonly clock: Ports['clock'];
  readonly checker: Ports['checker'];
  readonly notifier: Ports['notifier'];
  readonly qr: Ports['qr'];
  readonly secrets: Ports['secrets'];
  readonly phones: Ports['phones'];
  private userPromise: Promise<UserDoc | null> | null = null;

  constructor(
    ports: Ports,
    readonly caller: Caller,
  ) {
    this.store = appendOnly(ports.store);
    this.files = ports.files;
    this.sheets = ports.sheets;
    this.clock = ports.clock;
    this.checker = ports.checker;
    this.notifier = ports.notifier;
    this.qr = ports.qr;
    this.secrets = ports.secrets;
    this.phones = ports.phones;
  }

  openid(): string {
    if (!this.caller.openid) throw new AppError('UNAUTHENTICATED');
    return this.caller.openid;
  }

  user(): Promise<UserDoc | null> {
    if (!this.caller.openid) return Promise.resolve(null);
    this.userPromise ??= loadUser(this.store, this.caller.openid);
    return this.userPromise;
  }

  async roles(): Promise<Role[]> {
    return effectiveRoles(this.caller.openid, await this.user());
  }
}

export function makeCtx(ports: Ports, caller: Caller): Ctx {
  return new CallCtx(ports, caller);
}

async function authorize(ctx: Ctx, allowed: readonly Role[], forbidden?: string): Promise<void> {
  const openid = ctx.caller.openid;
  if (!openid) {
    if (!allowed.includes('anonymous')) throw new AppError('UNAUTHENTICATED');
    return;
  }
  if (allowed.includes('resident')) return; // every signed-in caller is a resident
  const roles = await ctx.roles();
  if (!roles.some((r) => allowed.includes(r))) throw new AppError('FORBIDDEN', forbidden);
}

export async function dispatch<C extends FunctionContract>(
  fn: FunctionDef<C>,
  event: unknown,
  ports: Ports,
  caller: Caller,
  log: Logger = defaultLogger,
): Promise<Reply<unknown>> {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return invalid('请求格式不正确');
  const { action } = event as { action?: unknown };
  if (typeof action !== 'string') return invalid('缺少操作名称');
  if (!Object.prototype.hasOwnProperty.call(fn.contract, action)) return invalid(`未知的操作：${action.slice(0, 40)}`);
  const contract: ActionContract = fn.contract[action];
  const handler = fn.handlers[action] as unknown as Handler<ActionContract>;

  const plain = plainInput(event);
  if (!plain.ok) return invalid('请求内容层次过深');
  const raw = plain.value as Record<string, unknown>;
  for (const key of PLATFORM_KEYS) delete raw[key];
  const parsed = contract.input.safeParse(raw);
  if (!parsed.success) return invalid(describeIssues(parsed.error));

  const ctx = makeCtx(ports, caller);
  try {
    await authorize(ctx, contract.roles, contract.forbidden);
    const writesBefore = ctx.store.stats().writes;
    const result = await handler(ctx, parsed.data);
    if (ctx.store.stats().writes > writesBefore) {
      await finishAudit(ctx, `${fn.name}.${action}`, contract.roles, parsed.data as Record<string, unknown>);
    }
    const out = projectOutput(contract.output, result);
    if (!out.ok) {
      log(`${fn.name}.${action} returned data outside its contract: ${out.error}`);
      return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } };
    }
    return { ok: true, data: out.data };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: { code: e.code, message: e.message } };
    if (e instanceof StoreError && e.code === 'CONFLICT') {
      return { ok: false, error: { code: 'CONFLICT', message: DEFAULT_MESSAGES.CONFLICT } };
    }
    log(`${fn.name}.${action} failed`, e);
    return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } };
  }
}
