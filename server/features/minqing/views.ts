// What a problem looks like to the caller: a list row, the whole problem, its timeline, and
// the buttons (`can`) the page shows.
import type { z } from 'zod';
import type { ProblemAction, ProblemDetail, ProblemRow, TimelineEntry } from '../../../contracts/minqing';
import { ROLE_LABELS } from '../../../contracts/roles';
import { seesPhone, seesReporter, supervisorGrant, type Access } from './access';
import type { ProblemDoc, TimelineDoc } from './docs';
import type { RoleGrantT } from '../../../contracts/common';

type Row = z.input<typeof ProblemRow>;
type Detail = z.input<typeof ProblemDetail>;
type Entry = z.input<typeof TimelineEntry>;
type Can = z.infer<typeof ProblemAction>;

const summaryOf = (text: string) => ([...text].length > 40 ? [...text].slice(0, 40).join('') + '…' : text);

export function rowOf(p: ProblemDoc, now: number): Row {
  const late = p.box === 'open' && (p.overdue || (p.dueAt !== null && p.dueAt < now));
  return {
    id: p._id,
    number: p.number,
    category: p.category,
    categoryLabel: p.categoryLabel,
    summary: summaryOf(p.description),
    class: p.class,
    status: p.status,
    urgent: p.urgent,
    overdue: late,
    ...(late ? { overdueKind: p.status === 'pending' ? ('accept' as const) : ('resolve' as const) } : {}),
    place: p.place,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    dueAt: p.dueAt,
    handler: { level: p.holder.level, id: p.holder.id, name: p.holder.name },
    areaName: p.areaName,
    unitName: p.unitName,
    ...(p.handedBack ? { handedBack: { from: p.handedBack.from, reason: p.handedBack.reason } } : {}),
  };
}

export function detailOf(p: ProblemDoc, a: Access, now: number): Detail {
  const reporter = seesReporter(p, a)
    ? {
        name: p.reporterName || '居民',
        ...(seesPhone(p, a) ? { phone: p.reporterPhone } : {}),
        ...(p.onBehalf ? { onBehalfBy: p.onBehalf.name } : {}),
      }
    : null;
  return {
    ...rowOf(p, now),
    description: p.description,
    photos: p.photos,
    ...(p.point ? { point: p.point } : {}),
    anonymous: p.anonymous,
    reporter,
    ...(p.department ? { department: p.department } : {}),
    ...(p.sentUp ? { sentUp: p.sentUp } : {}),
    ...(p.meetingId ? { meetingId: p.meetingId } : {}),
    ...(p.rating ? { rating: p.rating } : {}),
    ...(p.status === 'resolved' && p.confirmBy ? { confirmBy: p.confirmBy } : {}),
    ...(p.visitId ? { visitId: p.visitId } : {}),
  };
}

/** A timeline entry as the caller sees it: a resident who asked for anonymity is 居民 to those outside the chain. */
export function entryOf(e: TimelineDoc, p: ProblemDoc, a: Access): Entry {
  const hide = e.by.role === 'resident' && e.by.openid === p.by && !seesReporter(p, a);
  return {
    id: e._id,
    at: e.at,
    kind: e.kind,
    by: { name: hide ? '匿名居民' : e.by.name, role: e.by.role, roleLabel: e.by.roleLabel ?? ROLE_LABELS[e.by.role] },
    ...(e.note ? { note: e.note } : {}),
    photos: e.photos ?? [],
    ...(e.class ? { class: e.class } : {}),
    ...(e.to ? { to: e.to } : {}),
    ...(e.stars ? { stars: e.stars } : {}),
    ...(e.meetingId ? { meetingId: e.meetingId } : {}),
  };
}

export function canOf(p: ProblemDoc, a: Access, grants: RoleGrantT[]): Can[] {
  const can: Can[] = [];
  if (a.relation === 'holder') {
    const level = p.holder.level;
    const triage = level === 'unit' || level === 'group' || level === 'area' || level === 'community';
    if (p.status === 'pending') can.push('accept');
    if (p.status === 'handling') {
      if (triage) can.push(p.class ? 'reclassify' : 'classify');
      can.push('progress', 'resolve');
      if (level === 'community' && p.class === 'major') can.push('assign', 'escalate');
      if (level === 'department') can.push('handBack');
      if (level === 'street') can.push('escalate');
      if (level === 'area' && p.class === 'minor' && !p.meetingId) can.push('agendaAdd');
    }
  }
  if (p.box === 'open' && supervisorGrant(p, grants)) can.push('urge');
  if (a.isReporter && p.status === 'resolved') can.push('rate');
  return can;
}
