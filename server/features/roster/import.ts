// Roster import: a 社区's (or a 镇街's, or the 区's) Excel roster, one row per 邻, into the
// tree (片 → 组 → 邻 with their 三长). Rows are checked, diffed in memory against the
// stored tree and only what changed is written; a second import of the same file writes
// nothing. Store operations: the admin's 社区 (1–2 reads), each involved 社区's 片/组/邻
// (one read per 100 nodes), the stored 三长 of the phones that are new to the file's nodes
// (one read per 100 phones), then one or two writes per new or changed node.
//
// The steps, each in its own file: import-parse.ts (the sheet, each row on its own) →
// import-tree.ts (the stored tree read) → import-plan.ts (pure: which rows are taken and
// what they change) → import-write.ts (the writes, within a call's budget) → import-report.ts.
import type { RoleGrantT } from '../../../contracts/common';
import type { ImportReportT } from '../../../contracts/roster';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { IMPORT_LIMITS } from '../../core/xlsx-limits';
import { putPrivateFile } from '../../domain/uploads';
import { nodeName, parseRows, readRoster, type RawRow } from './import-parse';
import { acceptRows, communitiesByName, diffRows, leadLookups, locateRows, type Outcome } from './import-plan';
import { reportWorkbook, summarize } from './import-report';
import { communitiesNamed, loadCommunities, loadPlaces, storedLeadsByPhone } from './import-tree';
import { writeChanges } from './import-write';

/**
 * What one call writes at most: a cloud function has a minute. By count, 6,000 片/组/邻 (a new
 * one is 2 writes, its lead and itself: ~20 s of CloudBase at 8 in flight), so a 岳塘-size
 * sheet (13,752 邻, ~17,000 nodes) takes 3 calls; and by time, no node is started 40 s after
 * the call began (reading the sheet and the report file need the rest). The rest is written by
 * importing the same file again: the import compares with what is stored, so it goes on where
 * it stopped. A call always writes at least one node, so every call makes progress.
 */
export const IMPORT_STEPS_PER_CALL = 6_000;
export const IMPORT_MS_PER_CALL = 40_000;
export interface ImportLimits {
  steps: number;
  ms: number;
}
/** The environment's own count, if its functions have more (or less) time: LZT_IMPORT_STEPS_PER_CALL. */
export function importLimits(): ImportLimits {
  const n = Number(process.env.LZT_IMPORT_STEPS_PER_CALL);
  return { steps: Number.isInteger(n) && n > 0 ? n : IMPORT_STEPS_PER_CALL, ms: IMPORT_MS_PER_CALL };
}
export const ADMIN_LEVELS = ['community', 'street', 'district'] as const;

export async function importRoster(
  ctx: Ctx,
  scope: RoleGrantT,
  fileId: string,
  dryRun: boolean,
  limits: ImportLimits = importLimits(),
): Promise<ImportReportT> {
  const deadline = performance.now() + limits.ms;
  if (scope.role !== 'admin' || !(ADMIN_LEVELS as readonly string[]).includes(scope.level)) {
    throw new AppError('FORBIDDEN', '只有社区、镇街或区的管理员可以导入名册');
  }
  const data = await ctx.files.get(fileId);
  if (data.length > IMPORT_LIMITS.roster.maxBytes) throw new AppError('INVALID_INPUT', '文件过大（最大 20 MB），请分社区导入');
  const rawRows = await readRoster(ctx.sheets, data);
  if (rawRows.length === 0) throw new AppError('INVALID_INPUT', '名册里没有数据行');
  const now = ctx.clock.now();

  const outcomes = new Map<number, Outcome>();
  const reject = (raw: RawRow, reason: string) =>
    outcomes.set(raw.row, { row: raw.row, status: 'rejected', raw, reason, unit: nodeName(raw.unit) || undefined });

  // 1. Each row on its own.
  const parsed = await parseRows(rawRows, reject);

  // 2. Which 社区 each row names, within the admin's scope.
  const byName = communitiesByName(await loadPlaces(ctx, scope));
  const elsewhere = await communitiesNamed(ctx, [...new Set(parsed.map(({ p }) => p.community).filter((n) => !byName.has(n)))]);
  const located = await locateRows(parsed, byName, elsewhere, scope, reject);

  // 3. The involved 社区's 片/组/邻, read once.
  const states = await loadCommunities(
    ctx,
    located.map((l) => l.place),
  );

  // 4. The stored 三长 of every phone the file gives to someone who does not hold it yet.
  const { phones, fileTargets } = await leadLookups(located, states);
  const stored = await storedLeadsByPhone(ctx, phones);

  // 5. Rows in order: checks against the file so far and the stored tree; the first row wins.
  const { accepted, mentioned } = await acceptRows(located, states, stored, fileTargets, reject);

  // 6. What changes, row by row.
  const { areaChanges, groupChanges, unitPlans, outcomes: taken } = await diffRows(states, accepted);
  for (const o of taken) outcomes.set(o.row, o);

  // 7. Write what changed: 片, then 组, then 邻 (so every copy on a card is final).
  const steps = dryRun
    ? null
    : await writeChanges(ctx, now, states, areaChanges, groupChanges, unitPlans, { steps: limits.steps, deadline });

  // 8. The report.
  const { all, summary, rows, absent } = await summarize(outcomes.values(), states, mentioned);
  const report = await ctx.sheets.write(await reportWorkbook(all, summary, absent, { now, dryRun, scope }));
  // Full phones: readable by the 管理员 who imported, under an unguessable name.
  const reportId = await putPrivateFile(ctx, 'reports', 'roster', 'xlsx', report);
  const more = steps && steps.done < steps.total ? { more: steps } : {};
  return { summary, rows, reportUrl: await ctx.files.url(reportId), dryRun, ...more };
}
