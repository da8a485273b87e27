// The audit log's writing side. The router calls `finishAudit` after every successful call of
// an action in AUDITED (contracts/audited.ts) that wrote to the store (a dry run, or saving what
// is already stored, changes nothing and leaves no entry; the store's write count tells): one entry with who, role, when and what. A handler
// says what changed with one call — `noteAudit(ctx, { at, subject, before, after })`; without
// one the entry names the record from the input (nodeId, id …) and the caller's node. Entries are only ever added: the handlers' store refuses to update or
// remove them (server/store/append-only.ts).
import { isAudited, type AuditedAction } from '../../contracts/audited';
import type { RoleGrantT } from '../../contracts/common';
import type { Role } from '../../contracts/roles';
import type { Ctx } from '../core/context';
import { shortId } from '../core/ids';
import type { At } from './docs';

export interface AuditEntryDoc {
  _id: string;
  /** When (ms); `key` orders the log: the time in base 36, fixed width, then the id. */
  t: number;
  key: string;
  by: string;
  role: Role;
  what: AuditedAction;
  /** Where in the tree it happened (ancestors by level), for a 管理员's subtree. */
  at: At;
  subject?: string;
  before: string[];
  after: string[];
}

export interface AuditDetail {
  at?: At;
  subject?: string;
  before?: readonly (string | null | undefined)[];
  after?: readonly (string | null | undefined)[];
}

const pending = new WeakMap<Ctx, AuditDetail>();

/** What the current call changed (merged over earlier notes of the same call). */
export function noteAudit(ctx: Ctx, detail: AuditDetail): void {
  pending.set(ctx, { ...pending.get(ctx), ...detail });
}

/** At most this many ids on each side of one entry (a district's roster import may replace thousands of 三长; the leads' own history keeps every one). */
export const AUDIT_IDS_MAX = 500;

/** Ids the current call removed (before) or put in place (after), added to those noted so far: for steps that run many times in one call (each 三长 an import replaces). */
export function noteAuditIds(ctx: Ctx, ids: Pick<AuditDetail, 'before' | 'after'>): void {
  const cur = pending.get(ctx) ?? {};
  const join = (a: AuditDetail['before'], b: AuditDetail['before']) => (b?.length ? [...(a ?? []), ...b].slice(0, AUDIT_IDS_MAX) : a);
  pending.set(ctx, { ...cur, before: join(cur.before, ids.before), after: join(cur.after, ids.after) });
}

/** A role granted (account.claim): the entry sits at the node or partner it is held at. */
export async function auditGrant(ctx: Ctx, grant: RoleGrantT): Promise<void> {
  const held = grant.level === 'partner' ? ctx.store.collection('partners').doc(grant.nodeId) : ctx.store.collection('nodes').doc(grant.nodeId);
  noteAudit(ctx, { at: (await held.get())?.at ?? { [grant.level]: grant.nodeId }, subject: grant.nodeId, after: [`${grant.role}@${grant.nodeId}`] });
}

/** The role the caller acted in: the most senior of theirs the action allows. */
const SENIORITY: Role[] = ['admin', 'department', 'areaLead', 'groupLead', 'neighbourLead', 'clerk', 'resident', 'anonymous'];
function actingRole(roles: readonly Role[], allowed: readonly Role[]): Role {
  const open = allowed.includes('resident');
  return SENIORITY.find((r) => roles.includes(r) && (allowed.includes(r) || (open && r !== 'anonymous'))) ?? 'resident';
}

const ids = (xs: AuditDetail['before']) => (xs ?? []).filter((x): x is string => typeof x === 'string' && x.length > 0);

/** Input fields that name the record acted on, in the order they are tried. */
const SUBJECT_KEYS = ['id', 'nodeId', 'unitId', 'candidateId', 'campaignId', 'perkId', 'partnerId', 'problemId', 'meetingId', 'scopeId', 'fileId', 'code'];
const NODE_KEYS = ['nodeId', 'unitId', 'scopeId'];

async function placeOf(ctx: Ctx, detail: AuditDetail, input: Record<string, unknown>, role: Role): Promise<At> {
  if (detail.at) return detail.at;
  for (const key of NODE_KEYS) {
    const id = input[key];
    if (typeof id !== 'string') continue;
    const node = await ctx.store.collection('nodes').doc(id).get();
    if (node) return node.at;
  }
  const user = await ctx.user();
  const grant = user?.grants.find((g) => g.role === role);
  if (grant && grant.level !== 'partner' && grant.level !== 'department') {
    const node = await ctx.store.collection('nodes').doc(grant.nodeId).get();
    if (node) return node.at;
  }
  if (grant) return { [grant.level]: grant.nodeId };
  const unitId = user?.household?.unitId;
  if (unitId) return (await ctx.store.collection('nodes').doc(unitId).get())?.at ?? {};
  return {};
}

async function entryOf(ctx: Ctx, what: AuditedAction, allowed: readonly Role[], input: Record<string, unknown>): Promise<AuditEntryDoc> {
  const detail = pending.get(ctx) ?? {};
  const role = actingRole(await ctx.roles(), allowed);
  const t = ctx.clock.now();
  const _id = shortId('a', 12);
  const subject = detail.subject ?? SUBJECT_KEYS.map((k) => input[k]).find((v): v is string => typeof v === 'string');
  return {
    _id,
    t,
    key: `${t.toString(36).padStart(9, '0')}${_id}`,
    by: ctx.openid(),
    role,
    what,
    at: await placeOf(ctx, detail, input, role),
    ...(subject ? { subject } : {}),
    before: ids(detail.before),
    after: ids(detail.after),
  };
}

/** The router, after an action's handler succeeded: its entry (nothing for an action not in AUDITED). */
export async function finishAudit(ctx: Ctx, name: string, allowed: readonly Role[], input: Record<string, unknown>): Promise<void> {
  if (!isAudited(name)) return;
  await ctx.store.collection('auditLog').add(await entryOf(ctx, name, allowed, input));
}
