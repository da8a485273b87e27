// The `perk` function. Store operations per call (reads / writes), the caller's user document
// (read by the router's role check, kept for the handler) included:
//   list 2/0 (user, catalogue head; + the body once per catalogue change) · get 4/0 ·
//   pass 3/1 (user, perk, usage counter / pass record) · verify 5/3 by token, 6/3 by short code · reverseRedemption: see reverse.ts
//   (user, [pass record], perk, holder, redemption, usage / redemption, usage, month counter;
//   a refused pass writes nothing, a mistyped short code counts a miss) · myRedemptions, clerkRedemptions: a page + a count ·
//   saves: a few reads, one write per document changed, and a catalogue rebuild.
import { perk } from '../../../contracts/perk';
import type { Ctx } from '../../core/context';
import { noteAudit } from '../../domain/audit';
import { AppError } from '../../core/errors';
import { requireOwnedFiles } from '../../domain/uploads';
import { searchOf } from '../../core/search';
import { cmd } from '../../store/port';
import { defineFunction } from '../../core/router';
import { createInvite } from '../../domain/invites';
import { readAll } from '../../domain/nodes';
import { grantsOf, subtree } from '../../domain/scope';
import { checkTexts, getPartner, partnerInScope, savePartner, savePerk, setPartnerStatus } from './admin';
import { listCatalogue, perkCard } from './catalogue-list';
import { clerkList, listClerks, removeClerk } from './clerks';
import {
  C,
  calendarOf,
  categoryLabel,
  partnerAdminView,
  perkAdminView,
  statsId,
  usageView,
  type PartnerDoc,
  type PerkDoc,
  type RedemptionDoc,
  type StatsDoc,
} from './docs';
import { importPerks } from './import';
import { getPerk, makePass, passStatus, usedNow, verifyPass } from './redeem';
import { redemptionRow, reverseRedemption } from './reverse';
import { perkTemplate } from './template';

async function adminGrants(ctx: Ctx) {
  const grants = (await grantsOf(ctx, ['admin'])).filter((g) => g.level !== 'partner');
  if (grants.length === 0) throw new AppError('FORBIDDEN');
  return grants;
}

const page = <T>(items: T[], total: number, p: { page: number; pageSize: number }) => ({ items, total, page: p.page, pageSize: p.pageSize });

export const perkFunction = defineFunction('perk', perk, {
  // ---- 三长 ----

  async list(ctx, input) {
    // The caller's user document is already read (and kept) by the router's role check.
    return listCatalogue(ctx.store, await ctx.user(), input, ctx.clock.now());
  },

  async get(ctx, { perkId }) {
    const now = ctx.clock.now();
    const [user, k] = await Promise.all([ctx.user(), getPerk(ctx, perkId)]);
    if (!k || k.status !== 'active' || k.partner.status !== 'active') throw new AppError('NOT_FOUND', '这项优惠已下架或暂停');
    const [partner, used] = await Promise.all([getPartner(ctx, k.partnerId), usedNow(ctx, k, ctx.openid(), now)]);
    const card = perkCard({ ...k, id: k._id }, partner, user, now);
    return {
      perk: { ...card, description: k.description },
      ...(partner.intro ? { partnerIntro: partner.intro } : {}),
      usage: usageView(k.limit, used),
      canPass: card.eligible && used < k.limit.count,
    };
  },

  async pass(ctx, { perkId }) {
    return makePass(ctx, perkId);
  },

  async passStatus(ctx, { token }) {
    return passStatus(ctx, token);
  },

  async myRedemptions(ctx, paging) {
    const query = ctx.store.collection(C.redemptions).where({ openid: ctx.openid() });
    const [docs, total] = await Promise.all([
      query.orderBy('at', 'desc').skip((paging.page - 1) * paging.pageSize).limit(paging.pageSize).get() as Promise<RedemptionDoc[]>,
      query.count(),
    ]);
    return page(
      docs.map((r) => ({
        id: r._id,
        perkId: r.perkId,
        perkTitle: r.perkTitle,
        partnerName: r.partnerName,
        categoryLabel: categoryLabel(r.category),
        at: r.at,
        ...(r.reversed ? { reversedAt: r.reversed.at } : {}),
      })),
      total,
      paging,
    );
  },

  // ---- 商家核销员 ----

  async verify(ctx, input) {
    return verifyPass(ctx, input);
  },

  async clerkRedemptions(ctx, { partnerId, ...paging }) {
    const shops = (await grantsOf(ctx, ['clerk'])).map((g) => ({ id: g.nodeId, name: g.nodeName }));
    const id = partnerId ?? shops[0]?.id;
    if (!id || !shops.some((s) => s.id === id)) throw new AppError('FORBIDDEN', '您不是这个商家的核销员');
    const now = ctx.clock.now();
    const query = ctx.store.collection(C.redemptions).where({ partnerId: id });
    const [partner, stats, docs, total] = await Promise.all([
      getPartner(ctx, id),
      ctx.store.collection(C.stats).doc(statsId(id, calendarOf(now).month)).get() as Promise<StatsDoc | null>,
      query.orderBy('at', 'desc').skip((paging.page - 1) * paging.pageSize).limit(paging.pageSize).get() as Promise<RedemptionDoc[]>,
      query.count(),
    ]);
    return {
      ...page(
        docs.map((r) => redemptionRow(r, now)),
        total,
        paging,
      ),
      partner: { id: partner._id, name: partner.name, status: partner.status },
      shops,
      today: stats?.days[`d${calendarOf(now).dom}`] ?? 0,
      month: stats?.n ?? 0,
    };
  },

  async reverseRedemption(ctx, { redemptionId, reason }) {
    return reverseRedemption(ctx, redemptionId, reason);
  },

  // ---- 管理员 ----

  async partners(ctx, { page: p, pageSize, category, status, q }) {
    const [grant] = await adminGrants(ctx);
    // A search is the start of the name: a range on the (at.<level>, name) index, so it pages and counts like the list.
    const search = searchOf(q);
    const name = search ? { name: cmd.both(cmd.gte(search), cmd.lt(`${search}\uffff`)) } : {};
    const query = ctx.store.collection(C.partners).where({ ...subtree(grant), category, status, ...name });
    const [docs, total] = await Promise.all([
      query.orderBy('name', 'asc').skip((p - 1) * pageSize).limit(pageSize).get() as Promise<PartnerDoc[]>,
      query.count(),
    ]);
    return page(docs.map(partnerAdminView), total, { page: p, pageSize });
  },

  async clerks(ctx, input) {
    const [grant] = await adminGrants(ctx);
    return clerkList(ctx, grant, input);
  },

  async partner(ctx, { partnerId }) {
    const partner = await partnerInScope(ctx, partnerId);
    const [perks, clerks] = await Promise.all([
      ctx.store.collection(C.perks).where({ partnerId }).orderBy('order', 'asc').limit(100).get() as Promise<PerkDoc[]>,
      listClerks(ctx, partner),
    ]);
    return { partner: partnerAdminView(partner), perks: perks.map(perkAdminView), clerks };
  },

  async savePartner(ctx, input) {
    const partner = await savePartner(ctx, input);
    noteAudit(ctx, { at: partner.at, subject: partner._id, after: input.partnerId ? [] : [partner._id] });
    return { partner: partnerAdminView(partner) };
  },

  async setPartnerStatus(ctx, { partnerId, status, reason }) {
    const partner = await setPartnerStatus(ctx, partnerId, status, reason || undefined);
    noteAudit(ctx, { at: partner.at, subject: partner._id });
    return { partner: partnerAdminView(partner) };
  },

  async savePerk(ctx, input) {
    const perk = await savePerk(ctx, input);
    noteAudit(ctx, { at: perk.partner.at, subject: perk._id, after: input.perkId ? [] : [perk._id] });
    return { perk: perkAdminView(perk) };
  },

  async importTemplate(ctx) {
    return { url: await perkTemplate(ctx) };
  },

  async import(ctx, { fileId, dryRun }) {
    const grants = await adminGrants(ctx);
    await requireOwnedFiles(ctx, [fileId], 'sheet');
    return importPerks(ctx, grants, fileId, dryRun);
  },

  async clerkInvite(ctx, { partnerId, label }) {
    const partner = await partnerInScope(ctx, partnerId);
    if (partner.status !== 'active') throw new AppError('CLOSED', '这个商家已暂停，恢复后再绑定核销员');
    await checkTexts(ctx, [label], '店员称呼');
    return createInvite(ctx, {
      kind: 'clerk',
      grant: { role: 'clerk', nodeId: partner._id, nodeName: partner.name, level: 'partner' },
      ...(label ? { label } : {}),
    });
  },

  async removeClerk(ctx, { partnerId, code }) {
    await removeClerk(ctx, await partnerInScope(ctx, partnerId), code);
    return { removed: true as const };
  },

  async stats(ctx, { month }) {
    const [grant] = await adminGrants(ctx);
    const m = month ?? calendarOf(ctx.clock.now()).month;
    const docs = await readAll<StatsDoc>(ctx.store.collection(C.stats).where({ month: m, ...subtree(grant) }).orderBy('n', 'desc'), 1000);
    return {
      month: m,
      scope: grant.nodeName,
      total: docs.reduce((s, d) => s + d.n, 0),
      items: docs.map((d) => ({ partnerId: d.partnerId, partnerName: d.partnerName, categoryLabel: categoryLabel(d.category), count: d.n })),
    };
  },
});
