// Shared by the perk tests: calling the `perk` function, and the demo's people.
import ExcelJS from 'exceljs';
import type { LocalRuntime } from '../../server/runtime/local';
import type { CollectionName } from '../../server/store/collections';
import type { Filter } from '../../server/store/port';
import { manualClock } from '../../server/runtime/local-ports';
import { T0, demoRuntime } from './runtime';
import { PERK_COLUMNS, type PerkColumnKey } from '../../server/features/perk/columns';

export const NL = 'demo-neighbour-lead';
export const GL = 'demo-group-lead';
export const AL = 'demo-area-lead';
export const ADMIN = 'demo-admin';
export const CLERK = 'demo-clerk';
export const RESIDENT = 'demo-resident';

/** The demo runtime at T0 (2026-11-25 10:00 Beijing) on a clock the test can move. */
export function perkRuntime(start = T0) {
  const clock = manualClock(start);
  return Object.assign(demoRuntime({ clock }), { clock });
}

export type Reply = { ok: true; data: any } | { ok: false; error: { code: string; message: string } };

export const perkCall = (rt: LocalRuntime, action: string, input: Record<string, unknown>, openid: string | null) =>
  rt.call('perk', { action, ...input }, openid) as Promise<Reply>;

export function ok(reply: Reply): any {
  if (!reply.ok) throw new Error(`expected ok, got ${JSON.stringify(reply)}`);
  return reply.data;
}

export const count = (rt: LocalRuntime, collection: CollectionName, filter: Filter = {}) =>
  rt.store.collection(collection).where(filter).count();

/** A clerk bound to `partnerId` through the real invite flow. */
export async function bindClerk(rt: LocalRuntime, partnerId: string, openid: string): Promise<void> {
  const invite = ok(await perkCall(rt, 'clerkInvite', { partnerId }, ADMIN));
  const me = await rt.call('account', { action: 'claim', code: invite.code }, openid);
  expect(me).toMatchObject({ ok: true, data: { roles: expect.arrayContaining(['clerk']) } });
}

/** An .xlsx of partner-and-perk rows (by column key), uploaded like the mini program would. */
export async function uploadSheet(rt: LocalRuntime, rows: Partial<Record<PerkColumnKey, string | number | Date>>[], name = 'perks'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('支持单位与优惠');
  ws.columns = PERK_COLUMNS.map((c) => ({ header: c.header, key: c.key }));
  for (const r of rows) ws.addRow(r);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return rt.ports.files.put(`uploads/${name}-${Math.random().toString(36).slice(2)}.xlsx`, buf, 'application/octet-stream');
}
