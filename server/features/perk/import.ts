// Partner-and-perk import: an .xlsx with one row per perk (the partner's columns repeated, or
// blank after its first row), checked row by row, diffed in memory against what is stored
// and written only where something changed — a second import of the same file writes nothing.
// Partners are known by name (unique in the deployment), perks by partner and title; nothing
// absent from the file is removed or suspended. In steps: parse (import-parse.ts) → read what
// the file names → plan (import-plan.ts, pure) → check the new texts → write (import-write.ts,
// in chunks that fit the function's time; importing the same file again goes on) → report.
// Store operations: the partners named in the file (one read per 100 names), their perks (one
// read per 100 partners), one read per distinct 服务范围 name, then one write per new or
// changed partner and perk, and one catalogue rebuild per call that wrote.
import type { RoleGrantT } from '../../../contracts/common';
import type { PerkImportReportT } from '../../../contracts/perk';
import { workDeadline } from '../../core/budget';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { importReportWorkbook, type WorkbookSpec } from '../../core/spreadsheet';
import type { NodeDoc } from '../../domain/docs';
import { readAll } from '../../domain/nodes';
import { putPrivateFile } from '../../domain/uploads';
import { cmd, MAX_LIMIT } from '../../store/port';
import { rebuildCatalogue } from './catalogue';
import { C, SCOPE_LEVELS, type PartnerDoc, type PerkDoc } from './docs';
import { parseRow, readPerkSheet, type Parsed } from './import-parse';
import { checkEntries, partnerNamesOf, planImport, scopeNamesOf, writeUnits as unitsOf, type CheckEntry, type Outcome, type Stored } from './import-plan';
import { writeUnits } from './import-write';

const REPORT_ROWS = 200;
/** Texts sent to the content checker at once (msgSecCheck takes up to 2,500 characters). */
const CHECK_CHUNK = 2000;

export interface PerkImportLimits {
  /** Partners (with their perks) one call writes at most. */
  units: number;
  /** Milliseconds from the start of the call after which no partner is started. */
  ms?: number;
}

export async function importPerks(ctx: Ctx, grants: RoleGrantT[], fileId: string, dryRun: boolean, limits?: PerkImportLimits): Promise<PerkImportReportT> {
  const started = performance.now();
  // Wall-clock, as budget.ts says: by default half the perk function's declared timeout.
  const deadline = limits?.ms !== undefined ? started + limits.ms : started + (workDeadline('perk') - Date.now());
  const primary = grants[0];
  const now = ctx.clock.now();
  const rows = await readPerkSheet(ctx.sheets, await ctx.files.get(fileId));
  if (rows.length === 0) throw new AppError('INVALID_INPUT', '表格里没有数据行');
  const parsed = rows.map(parseRow);

  const plan = planImport(parsed, await readStored(ctx, grants, parsed), grants, now);
  await checkInChunks(ctx, checkEntries(plan));
  const units = unitsOf(plan);
  let more: { done: number; total: number } | null = null;
  if (!dryRun && units.length) {
    const steps = await writeUnits(ctx, units, { units: limits?.units ?? Number.POSITIVE_INFINITY, deadline });
    if (steps.done < steps.total) more = steps;
    await rebuildCatalogue(ctx);
  }

  // The report.
  const all = [...plan.outcomes.values()].sort((a, b) => a.row - b.row);
  const summary = { rows: all.length, added: 0, changed: 0, unchanged: 0, rejected: 0 };
  for (const o of all) summary[o.status]++;
  const listed: PerkImportReportT['rows'] = [];
  let n = 0;
  for (const o of all) {
    if (o.status === 'unchanged') continue;
    if (o.status !== 'rejected' && n++ >= REPORT_ROWS) continue;
    listed.push({ row: o.row, status: o.status, ...(o.partner ? { partner: o.partner } : {}), ...(o.perk ? { perk: o.perk } : {}), ...(o.reason ? { reason: o.reason } : {}) });
  }
  const report = await ctx.sheets.write(await reportWorkbook(all, summary, { now, dryRun, scope: primary.nodeName }));
  const reportId = await putPrivateFile(ctx, 'reports', 'perks', 'xlsx', report);
  return { summary, rows: listed, reportUrl: await ctx.files.url(reportId), dryRun, ...(more ? { more } : {}) };
}

/** What is stored that the file names: partners by name, 服务范围 names within the caller's scope, the caller's node, those partners' perks. */
async function readStored(ctx: Ctx, grants: RoleGrantT[], parsed: readonly Parsed[]): Promise<Stored> {
  const names = partnerNamesOf(parsed);
  const partners: PartnerDoc[] = [];
  for (let i = 0; i < names.length; i += MAX_LIMIT) {
    partners.push(...(await ctx.store.collection(C.partners).where({ name: cmd.in(names.slice(i, i + MAX_LIMIT)) }).limit(MAX_LIMIT).get()));
  }
  const scopes = new Map<string, NodeDoc | string>();
  for (const name of scopeNamesOf(parsed)) {
    const found = (
      await Promise.all(
        grants
          .filter((g) => g.level !== 'partner')
          .map((g) =>
            ctx.store
              .collection('nodes')
              .where({ name, level: cmd.in([...SCOPE_LEVELS]), [`at.${g.level}`]: g.nodeId })
              .limit(2)
              .get(),
          ),
      )
    ).flat();
    const unique = [...new Map(found.map((n) => [n._id, n])).values()];
    scopes.set(name, unique.length === 1 ? unique[0] : unique.length === 0 ? `服务范围“${name}”不存在或不在您的管理范围内` : `有多个名为“${name}”的单位，请联系上级管理员处理`);
  }
  const primary = grants[0];
  const primaryNode = SCOPE_LEVELS.includes(primary.level as (typeof SCOPE_LEVELS)[number]) ? await ctx.store.collection('nodes').doc(primary.nodeId).get() : null;
  const ids = partners.map((p) => p._id);
  const perks: PerkDoc[] = [];
  for (let i = 0; i < ids.length; i += MAX_LIMIT) {
    perks.push(...(await readAll<PerkDoc>(ctx.store.collection(C.perks).where({ partnerId: cmd.in(ids.slice(i, i + MAX_LIMIT)) }).orderBy('_id', 'asc'))));
  }
  return { partners, scopes, primaryNode, perks };
}

/** Checks texts a chunk at a time; a flagged chunk is checked entry by entry to find the culprits. */
async function checkInChunks(ctx: Ctx, entries: CheckEntry[]): Promise<void> {
  const openid = ctx.openid();
  let chunk: typeof entries = [];
  let size = 0;
  const flush = async () => {
    if (!chunk.length) return;
    const verdict = await ctx.checker.checkText(chunk.map((e) => e.text).join('\n'), { openid, scene: 1 });
    if (!verdict.ok) {
      for (const e of chunk) {
        const v = chunk.length === 1 ? verdict : await ctx.checker.checkText(e.text, { openid, scene: 1 });
        if (!v.ok) e.fail(v.label);
      }
    }
    chunk = [];
    size = 0;
  };
  for (const e of entries) {
    if (size + e.text.length > CHECK_CHUNK) await flush();
    chunk.push(e);
    size += e.text.length + 1;
  }
  await flush();
}

function reportWorkbook(all: Outcome[], summary: PerkImportReportT['summary'], info: { now: number; dryRun: boolean; scope: string }): Promise<WorkbookSpec> {
  return importReportWorkbook({
    now: info.now,
    dryRun: info.dryRun,
    scopeLabel: ['导入单位', info.scope],
    columns: [
      { header: '商家名称', width: 24, value: (o: Outcome) => o.partner },
      { header: '优惠名称', width: 24, value: (o: Outcome) => o.perk },
    ],
    rows: all,
    summary,
  });
}
