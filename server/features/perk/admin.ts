// 管理员 maintaining partners and perks by form. A partner belongs to a 区, 镇街 or 社区 node
// (its scope); only that node's 管理员 and those above may change it. Every change ends with
// a catalogue rebuild; a save that changes nothing writes nothing.
import type { z } from 'zod';
import type { SavePartnerInput, SavePerkInput } from '../../../contracts/perk';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { publishFiles, requireOwnedFiles } from '../../domain/uploads';
import { getNode } from '../../domain/nodes';
import { requireScope } from '../../domain/scope';
import { shortId } from '../../core/ids';
import { rebuildCatalogue } from './catalogue';
import { C, MAX_PERKS_PER_PARTNER, SCOPE_LEVELS, sameDoc, scopeAt, snapshotOf, type PartnerDoc, type PerkDoc } from './docs';

export async function getPartner(ctx: Ctx, partnerId: string): Promise<PartnerDoc> {
  const p = await ctx.store.collection(C.partners).doc(partnerId).get();
  if (!p) throw new AppError('NOT_FOUND', '没有找到这个支持单位');
  return p;
}

/** The partner, if the caller administers its scope. */
export async function partnerInScope(ctx: Ctx, partnerId: string): Promise<PartnerDoc> {
  const p = await getPartner(ctx, partnerId);
  await requireScope(ctx, p.at, ['admin'], `“${p.name}”由${p.scopeName}管理，不在您的管理范围内`);
  return p;
}

/** Admins' texts are published to every 三长 of the district: checked like any user text. */
export async function checkTexts(ctx: Ctx, texts: (string | undefined)[], what: string): Promise<void> {
  const text = texts.filter(Boolean).join('\n');
  if (!text) return;
  const verdict = await ctx.checker.checkText(text, { openid: ctx.openid(), scene: 1 });
  if (!verdict.ok) throw new AppError('CONTENT_REJECTED', `${what}含有不适宜的信息（${verdict.label}），请修改后再提交`);
}

/** After a partner's name, category, status or scope changed: its perks and stats carry the copy. */
async function propagate(ctx: Ctx, p: PartnerDoc): Promise<void> {
  await ctx.store.collection(C.perks).where({ partnerId: p._id }).update({ partner: snapshotOf(p) });
  await ctx.store.collection(C.stats).where({ partnerId: p._id }).update({ partnerName: p.name, category: p.category, at: p.at });
}

const sameSnapshot = (a: PartnerDoc, b: PartnerDoc) => sameDoc(snapshotOf(a), snapshotOf(b));

export async function savePartner(ctx: Ctx, input: z.output<typeof SavePartnerInput>): Promise<PartnerDoc> {
  const now = ctx.clock.now();
  const scope = await getNode(ctx.store, input.scopeId, [...SCOPE_LEVELS]);
  await requireScope(ctx, scope.at, ['admin'], '所选服务范围不在您的管理范围内');
  const existing = input.partnerId ? await partnerInScope(ctx, input.partnerId) : null;
  // A logo kept when the partner is saved again passes as it is; a new one must be the caller's upload.
  if (input.logo) await requireOwnedFiles(ctx, [input.logo], 'photo', { kept: [existing?.logo] });

  const namesake = await ctx.store.collection(C.partners).where({ name: input.name }).limit(2).get();
  if (namesake.some((p) => p._id !== existing?._id)) {
    throw new AppError('CONFLICT', `已有名为“${input.name}”的支持单位，分店请加上店名以示区分`);
  }
  const doc: PartnerDoc = {
    _id: existing?._id ?? shortId('p'),
    name: input.name,
    category: input.category,
    address: input.address,
    location: input.location,
    hours: input.hours,
    phone: input.phone,
    ...(input.logo ? { logo: input.logo } : {}),
    ...(input.intro ? { intro: input.intro } : {}),
    status: existing?.status ?? 'active',
    ...(existing?.suspendReason ? { suspendReason: existing.suspendReason } : {}),
    scopeId: scope._id,
    scopeName: scope.name,
    at: scopeAt(scope),
    createdAt: existing?.createdAt ?? now,
    updatedAt: existing?.updatedAt ?? now,
  };
  if (existing && sameDoc({ ...existing, updatedAt: 0 }, { ...doc, updatedAt: 0 })) return existing;
  doc.updatedAt = now;
  await checkTexts(ctx, [doc.name, doc.address, doc.hours, doc.intro], '商家信息');
  // Shown on the perk's details to everyone: its copy in pub/.
  if (doc.logo && doc.logo !== existing?.logo) doc.logo = (await publishFiles(ctx, [doc.logo]))[0];

  const { _id, ...rest } = doc;
  if (existing) await ctx.store.collection(C.partners).doc(_id).set(rest);
  else await ctx.store.collection(C.partners).add(doc);
  if (existing && !sameSnapshot(existing, doc)) await propagate(ctx, doc);
  await rebuildCatalogue(ctx);
  return doc;
}

export async function setPartnerStatus(ctx: Ctx, partnerId: string, status: PartnerDoc['status'], reason?: string): Promise<PartnerDoc> {
  const p = await partnerInScope(ctx, partnerId);
  if (p.status === status) return p;
  const now = ctx.clock.now();
  const doc: PartnerDoc = { ...p, status, updatedAt: now };
  if (status === 'suspended' && reason) doc.suspendReason = reason;
  else delete doc.suspendReason;
  const { _id, ...rest } = doc;
  await ctx.store.collection(C.partners).doc(_id).set(rest);
  await propagate(ctx, doc);
  await rebuildCatalogue(ctx);
  return doc;
}

export async function savePerk(ctx: Ctx, input: z.output<typeof SavePerkInput>): Promise<PerkDoc> {
  const now = ctx.clock.now();
  const partner = await partnerInScope(ctx, input.partnerId);
  const perks = ctx.store.collection(C.perks);
  let existing: PerkDoc | null = null;
  if (input.perkId) {
    existing = await perks.doc(input.perkId).get();
    if (!existing || existing.partnerId !== partner._id) throw new AppError('NOT_FOUND', '没有找到这项优惠');
  }
  const namesake = await perks.where({ partnerId: partner._id, title: input.title }).limit(2).get();
  if (namesake.some((k) => k._id !== existing?._id)) throw new AppError('CONFLICT', `“${partner.name}”已有名为“${input.title}”的优惠`);
  let order = existing?.order;
  if (order === undefined) {
    order = await perks.where({ partnerId: partner._id }).count();
    if (order >= MAX_PERKS_PER_PARTNER) throw new AppError('CONFLICT', `一个商家最多${MAX_PERKS_PER_PARTNER}项优惠（已下架的也算在内），请把不再提供的优惠改成新的优惠`);
  }
  const doc: PerkDoc = {
    _id: existing?._id ?? shortId('k'),
    partnerId: partner._id,
    partner: snapshotOf(partner),
    title: input.title,
    description: input.description,
    eligibility: input.eligibility,
    validFrom: input.validFrom,
    validTo: input.validTo,
    limit: input.limit,
    status: input.status,
    order,
    createdAt: existing?.createdAt ?? now,
    updatedAt: existing?.updatedAt ?? now,
  };
  if (existing && sameDoc(existing, doc)) return existing;
  doc.updatedAt = now;
  await checkTexts(ctx, [doc.title, doc.description], '优惠内容');
  const { _id, ...rest } = doc;
  if (existing) await perks.doc(_id).set(rest);
  else await perks.add(doc);
  await rebuildCatalogue(ctx);
  return doc;
}
