// Roster import, the report: the reply's summary and rows (the first of them; every one in
// the file), and the workbook the 管理员 downloads, with the 邻 the file left out.
import type { RoleGrantT } from '../../../contracts/common';
import type { ImportReportT } from '../../../contracts/roster';
import { importReportWorkbook, type SheetSpec, type WorkbookSpec } from '../../core/spreadsheet';
import { timeSlices } from '../../core/time-slices';
import type { Outcome } from './import-plan';
import type { CommunityState, UnitState } from './import-tree';

/** How many added/changed rows the reply lists (the report file has them all). */
const REPORT_ROWS = 200;

/** The outcomes in row order, counted, the reply's rows, and the stored 邻 the file did not mention. */
export async function summarize(outcomes: Iterable<Outcome>, states: Map<string, CommunityState>, mentioned: Set<UnitState>) {
  const pause = timeSlices();
  const all = [...outcomes].sort((a, b) => a.row - b.row);
  const summary = { rows: all.length, added: 0, changed: 0, unchanged: 0, rejected: 0 };
  for (const o of all) summary[o.status]++;
  await pause();
  const rows: ImportReportT['rows'] = [];
  let listed = 0;
  for (const o of all) {
    if (o.status === 'unchanged') continue;
    if (o.status !== 'rejected' && listed++ >= REPORT_ROWS) continue;
    rows.push({ row: o.row, status: o.status, ...(o.unit ? { unit: o.unit } : {}), ...(o.reason ? { reason: o.reason } : {}) });
  }
  const absent: UnitState[] = [];
  for (const c of states.values()) {
    for (const u of c.units.values()) {
      await pause();
      if (u.node && !mentioned.has(u)) absent.push(u);
    }
  }
  return { all, summary, rows, absent };
}

/** The report as plain data (the sheets port makes the file): every row's outcome, then the 邻 the file left out. */
export async function reportWorkbook(
  all: Outcome[],
  summary: ImportReportT['summary'],
  absent: UnitState[],
  info: { now: number; dryRun: boolean; scope: RoleGrantT },
): Promise<WorkbookSpec> {
  const book = await importReportWorkbook({
    now: info.now,
    dryRun: info.dryRun,
    scopeLabel: ['导入范围', info.scope.nodeName],
    columns: [
      { header: '镇街', width: 12, value: (o: Outcome) => o.raw.street },
      { header: '社区', width: 14, value: (o: Outcome) => o.raw.community },
      { header: '片', width: 10, value: (o: Outcome) => o.raw.area },
      { header: '组', width: 10, value: (o: Outcome) => o.raw.group },
      { header: '邻', width: 16, value: (o: Outcome) => o.raw.unit },
      { header: '邻长', width: 10, value: (o: Outcome) => o.raw.unitLeadName },
    ],
    rows: all,
    summary,
    extraSummary: [['名册中未出现的邻', absent.length]],
  });

  const pause = timeSlices();
  const rows: SheetSpec['rows'] = [];
  for (const u of absent) {
    await pause();
    rows.push({
      community: u.group.area.community.place.community.name,
      area: u.group.area.name,
      group: u.group.name,
      unit: u.node?.name ?? u.name,
      lead: u.node?.lead?.name ?? '（空缺）',
    });
  }
  rows.push({}, { community: '导入不会删除或撤销这些邻；如需调整，请在组织体系图中操作。' });
  book.sheets.push({
    name: '名册中未出现的邻',
    columns: [
      { header: '社区', key: 'community', width: 14 },
      { header: '片', key: 'area', width: 10 },
      { header: '组', key: 'group', width: 10 },
      { header: '邻', key: 'unit', width: 16 },
      { header: '邻长', key: 'lead', width: 10 },
    ],
    rows,
  });
  return book;
}
