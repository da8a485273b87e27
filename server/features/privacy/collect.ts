// Everything held about one user, read once for 我的信息 and for its export. Each list is one
// read of at most a page (100); a resident has a handful of each.
import { APPLICATION_KIND_LABELS, APPLICATION_STATUS_LABELS } from '../../../contracts/labels';
import { PROBLEM_STATUS_LABELS } from '../../../contracts/minqing-labels';
import { ROLE_LABELS } from '../../../contracts/roles';
import type { Ctx } from '../../core/context';
import { addressOf, phoneOwner, type HouseholdDoc } from '../../domain/docs';
import { visitsOf } from '../../domain/households';
import type { UserDoc } from '../../domain/users';
import { cmd, MAX_LIMIT } from '../../store/port';

/** Campaigns looked at for the caller's votes (a vote's id starts with campaign:voter:). */
const CAMPAIGNS_LOOKED_AT = 20;

export interface Held {
  user: UserDoc | null;
  household: (HouseholdDoc & { unitName: string }) | null;
  visits: Awaited<ReturnType<typeof visitsOf>>;
  reports: { id: string; number: string; categoryLabel: string; description: string; place: string; statusLabel: string; createdAt: number; reporterPhone?: string }[];
  votes: { campaignTitle: string; votes: number; lastAt: number }[];
  redemptions: { perkTitle: string; partnerName: string; at: number }[];
  applications: { kindLabel: string; unitName: string; name: string; phone?: string; statusLabel: string; createdAt: number }[];
  messages: { title: string; body: string; at: number }[];
  truncated: boolean;
}

export function roleLabels(user: UserDoc | null): string[] {
  return [ROLE_LABELS.resident, ...new Set((user?.grants ?? []).map((g) => `${ROLE_LABELS[g.role]}（${g.nodeName}）`))];
}

export function eraseBlocked(user: UserDoc | null): string | null {
  if (!user || user.grants.length === 0) return null;
  const held = [...new Set(user.grants.map((g) => ROLE_LABELS[g.role]))].join('、');
  return `您目前担任${held}，请先由管理员办理卸任或解除后再注销账号`;
}

async function householdOf(ctx: Ctx, user: UserDoc | null, openid: string) {
  const id = user?.household?.id;
  if (!id) return null;
  const h = await ctx.store.collection('households').doc(id).get();
  if (!h || !h.members.includes(openid)) return null;
  const unit = await ctx.store.collection('nodes').doc(h.unitId).get();
  return { ...h, unitName: unit?.name ?? '' };
}

async function votesOf(ctx: Ctx, openid: string): Promise<Held['votes']> {
  const campaigns = await ctx.store.collection('campaigns').orderBy('createdAt', 'desc').limit(CAMPAIGNS_LOOKED_AT).field(['title']).get();
  const out: Held['votes'] = [];
  for (const c of campaigns) {
    const prefix = `${c._id}:${openid}:`;
    const mine = await ctx.store
      .collection('votes')
      .where({ _id: cmd.both(cmd.gte(prefix), cmd.lt(`${prefix}\uffff`)), valid: true })
      .field(['at'])
      .limit(MAX_LIMIT)
      .get();
    if (mine.length) out.push({ campaignTitle: c.title, votes: mine.length, lastAt: Math.max(...mine.map((v) => v.at)) });
  }
  return out;
}

export async function collectHeld(ctx: Ctx): Promise<Held> {
  const openid = ctx.openid();
  const user = await ctx.user();
  const household = await householdOf(ctx, user, openid);
  const since = household?.joined?.[openid] ?? 0;
  const [problems, redemptions, applications, messages, votes] = await Promise.all([
    ctx.store.collection('problems').where({ by: openid }).orderBy('ck', 'desc').limit(MAX_LIMIT).get(),
    ctx.store.collection('redemptions').where({ openid }).orderBy('at', 'desc').limit(MAX_LIMIT).get(),
    ctx.store.collection('applications').where({ applicant: openid }).orderBy('createdAt', 'desc').limit(MAX_LIMIT).get(),
    ctx.store.collection('mqinbox').where({ openid }).orderBy('ck', 'desc').limit(MAX_LIMIT).get(),
    votesOf(ctx, openid),
  ]);
  return {
    user,
    household,
    visits: household ? (await visitsOf(ctx.store, household._id)).filter((v) => v.visitedAt >= since) : [],
    reports: problems.map((p) => ({
      id: p._id,
      number: p.number,
      categoryLabel: p.categoryLabel,
      description: p.description,
      place: p.place,
      statusLabel: PROBLEM_STATUS_LABELS[p.status],
      createdAt: p.createdAt,
      ...(p.reporterPhone ? { reporterPhone: p.reporterPhone } : {}),
    })),
    votes,
    redemptions: redemptions.map((r) => ({ perkTitle: r.perkTitle, partnerName: r.partnerName, at: r.at })),
    applications: applications.map((a) => ({
      kindLabel: APPLICATION_KIND_LABELS[a.kind],
      unitName: a.unitName,
      name: a.name,
      ...(a.phone ? { phone: a.phone } : {}),
      statusLabel: APPLICATION_STATUS_LABELS[a.status],
      createdAt: a.createdAt,
    })),
    messages: messages.map((m) => ({ title: m.title, body: m.body, at: m.at })),
    truncated: [problems, redemptions, applications, messages].some((l) => l.length >= MAX_LIMIT),
  };
}

/** The household as its member sees it: the phone only if they left it themselves. */
export function householdView(h: NonNullable<Held['household']>, openid: string) {
  return {
    address: addressOf(h),
    unitName: h.unitName,
    people: h.people,
    phone: h.phone && phoneOwner(h) === openid ? h.phone : undefined,
    members: h.members.length,
    boundAt: h.boundAt,
  };
}
