// Who leads a node: appointing (roster import, approval, succession), marking away, and
// keeping the copies on the cards (unit.lead, unit.chain) in step.
import type { Ctx } from '../core/context';
import { AppError } from '../core/errors';
import { cmd, type Store } from '../store/port';
import { LEAD_ROLE_OF, type AwayStatus, type LeadDoc, type LeadSnapshot, type NodeDoc } from './docs';
import { noteAuditIds } from './audit';
import { bumpFigures, leadChangeDelta, NOW } from './figures';
import { grantRole, revokeRole } from './grants';
import { chainLeadOf, type ChainLead } from './succession';
import { publishFiles, requireOwnedFiles } from './uploads';

export interface Person {
  name: string;
  phone: string;
  openid?: string | null;
}

/** Copies a group's or area's lead (with their away mark) onto every card below it (one write). */
export async function refreshChain(store: Store, node: LeadNode, lead: ChainLead | null): Promise<void> {
  if (node.level !== 'group' && node.level !== 'area') return;
  await store
    .collection('nodes')
    .where({ level: 'unit', [`at.${node.level}`]: node._id })
    .update({ [`chain.${node.level}.lead`]: lead });
}

/** What appointing a lead reads of its node (an import reads no more than this). */
export type LeadNode = Pick<NodeDoc, '_id' | 'level' | 'name' | 'parentId' | 'at' | 'lead'>;

/** The seat a node holds (片长, 组长, 邻长) in the 三长 figures. */
export function seatLevel(node: Pick<NodeDoc, 'level'>): 'area' | 'group' | 'unit' {
  if (node.level !== 'area' && node.level !== 'group' && node.level !== 'unit') throw new AppError('INVALID_INPUT', '只有片、组、邻设有三长');
  return node.level;
}

function grantFor(node: LeadNode) {
  const role = LEAD_ROLE_OF[node.level];
  if (!role) throw new AppError('INVALID_INPUT', '只有片、组、邻设有三长');
  return { role, nodeId: node._id, nodeName: node.name, level: node.level };
}

/**
 * Makes `person` the lead of `node`. The same phone is the same person (a changed name is
 * a correction); another phone replaces the current lead, whose record is kept as history.
 * Households, cards and open work belong to the node, so they pass to the successor as they are.
 */
export async function assignLead(ctx: Ctx, node: LeadNode, person: Person, reason: string): Promise<{ leadId: string; changed: boolean }> {
  const grant = grantFor(node);
  const now = ctx.clock.now();
  const nodes = ctx.store.collection('nodes');
  const leads = ctx.store.collection('leads');
  const current = node.lead ?? null;

  if (current && current.phone === person.phone) {
    const rename = current.name !== person.name;
    const link = !!person.openid && person.openid !== current.openid;
    if (!rename && !link) return { leadId: current.id, changed: false };
    await leads.doc(current.id).update({ name: person.name, ...(link ? { openid: person.openid } : {}) });
    await nodes.doc(node._id).update({ 'lead.name': person.name, ...(link ? { 'lead.openid': person.openid } : {}) });
    if (rename) await refreshChain(ctx.store, node, chainLeadOf({ ...current, name: person.name }));
    if (link) {
      const record = await leads.doc(current.id).get();
      await grantRole(ctx.store, person.openid as string, grant, now, person.name, record);
    }
    return { leadId: current.id, changed: true };
  }

  // One phone is one person: it may lead several nodes, but not under two names.
  const [clash] = await leads
    .where({ phone: person.phone, status: cmd.in(['active', 'away']), name: cmd.neq(person.name) })
    .limit(1)
    .get();
  if (clash) throw new AppError('CONFLICT', `这个手机号已登记为另一位三长（${clash.name}），请核对`);

  if (current) {
    await leads.doc(current.id).update({ status: 'replaced', until: now, reason });
    if (current.openid) await revokeRole(ctx.store, current.openid, grant);
  }
  const doc: Omit<LeadDoc, '_id'> = {
    role: grant.role,
    nodeId: node._id,
    name: person.name,
    phone: person.phone,
    openid: person.openid ?? null,
    status: 'active',
    since: now,
    at: node.at,
  };
  const leadId = await leads.add(doc);
  const snapshot: LeadSnapshot = { id: leadId, name: person.name, phone: person.phone, since: now, activeAt: now, openid: person.openid ?? null };
  await nodes.doc(node._id).update({ lead: snapshot });
  await bumpFigures(ctx.store, node.at, NOW, leadChangeDelta(seatLevel(node), current, snapshot));
  await refreshChain(ctx.store, node, { name: person.name, phone: person.phone });
  if (person.openid) await grantRole(ctx.store, person.openid, grant, now, person.name);
  noteAuditIds(ctx, { before: [current?.id], after: [leadId] });
  return { leadId, changed: true };
}

export async function markAway(ctx: Ctx, node: NodeDoc, status: AwayStatus, reason: string): Promise<void> {
  if (!node.lead) throw new AppError('NOT_FOUND', '这里目前没有三长，可直接推选接替人选');
  const since = ctx.clock.now();
  await ctx.store.collection('nodes').doc(node._id).update({ 'lead.away': { status, since, reason } });
  if (!node.lead.away) await bumpFigures(ctx.store, node.at, NOW, leadChangeDelta(seatLevel(node), node.lead, { away: status }));
  await ctx.store.collection('leads').doc(node.lead.id).update({ status: 'away', away: { status, since, reason } });
  // A 组长 or 片长: every card below shows the mark, and one who cannot serve is not handed out.
  await refreshChain(ctx.store, node, chainLeadOf({ ...node.lead, away: { status, since, reason } }));
  // The lead taken off duty.
  noteAuditIds(ctx, { before: [node.lead.id] });
}

/** The lead is back (or able again): the card shows them as before, and the inactive list lets them go. */
export async function markBack(ctx: Ctx, node: NodeDoc): Promise<void> {
  if (!node.lead) throw new AppError('NOT_FOUND', '这里目前没有三长，可直接推选接替人选');
  if (!node.lead.away) return;
  const now = ctx.clock.now();
  await ctx.store.collection('nodes').doc(node._id).update({ 'lead.away': cmd.unset(), 'lead.activeAt': now });
  await ctx.store.collection('leads').doc(node.lead.id).update({ status: 'active' });
  await bumpFigures(ctx.store, node.at, NOW, leadChangeDelta(seatLevel(node), node.lead, {}));
  await refreshChain(ctx.store, node, chainLeadOf({ ...node.lead, away: undefined }));
  // The lead back on duty.
  noteAuditIds(ctx, { after: [node.lead.id] });
}

/**
 * The current lead's photo, set (or removed with null) by the 管理员: on the node (the card
 * shows it), on the lead record (kept with the person), and on their user once bound (the
 * perk pass shows it to the clerk).
 */
export async function setLeadPhoto(ctx: Ctx, node: NodeDoc, fileId: string | null): Promise<void> {
  if (!node.lead) throw new AppError('NOT_FOUND', '这里目前没有三长，请先推选接替人选');
  if (fileId) await requireOwnedFiles(ctx, [fileId], 'photo', { kept: [node.lead.photo] });
  // The card and the pass show it to everyone: its copy in pub/.
  const photo = fileId ? (await publishFiles(ctx, [fileId]))[0] : cmd.unset();
  await ctx.store.collection('nodes').doc(node._id).update({ 'lead.photo': photo });
  await ctx.store.collection('leads').doc(node.lead.id).update({ photo });
  if (node.lead.openid) await ctx.store.collection('users').doc(node.lead.openid).update({ avatar: photo });
  noteAuditIds(ctx, { before: [node.lead.photo], after: [typeof photo === 'string' ? photo : null] });
}
