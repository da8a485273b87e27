// Roster import, step 1: the sheet read and each row checked on its own (names cleaned,
// phones normalised, the 三长 and buildings of the row). Pure but for reading the file.
import type { Sheets } from '../../core/ports';
import type { SheetRow } from '../../core/spreadsheet';
import { timeSlices } from '../../core/time-slices';
import { IMPORT_LIMITS } from '../../core/xlsx-limits';
import { COLUMNS, type ColumnKey } from './columns';

const MAX_NODE_NAME = 30;
const MAX_PERSON_NAME = 20;
const MAX_BUILDING = 20;
const MAX_BUILDINGS = 50;

export type RawRow = SheetRow<ColumnKey>;

export const readRoster = (sheets: Sheets, data: Buffer) =>
  sheets.read(data, { columns: COLUMNS, headerExample: '镇街、社区、片、片长', ...IMPORT_LIMITS.roster });

export interface Person {
  name: string;
  phone: string;
}

export interface ParsedRow {
  row: number;
  street: string;
  community: string;
  area: string;
  group: string;
  unit: string;
  areaLead: Person | null;
  groupLead: Person | null;
  unitLead: Person;
  /** null: left blank (an existing 邻 keeps its buildings). */
  buildings: string[] | null;
}

const clean = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .trim();
/** Names of 社区/片/组/邻 are compared without any spaces: “3栋 1单元邻” is “3栋1单元邻”. */
export const nodeName = (s: string) => clean(s).replace(/\s+/g, '');
/** Chinese names lose stray spaces (“张 三” is 张三); other names keep single spaces. */
export function personName(s: string): string {
  const t = clean(s).replace(/\s+/g, ' ');
  return /^[\p{Script=Han}·•\s]+$/u.test(t) ? t.replace(/\s/g, '') : t;
}
export const phoneOf = (s: string) =>
  clean(s)
    .replace(/[\s\-—–()]/g, '')
    .replace(/^\+?86(?=1\d{10}$)/, '');
export const PHONE = /^1[3-9]\d{9}$/;
export const splitBuildings = (s: string) => [
  ...new Set(
    clean(s)
      .split(/[、,;\s]+/)
      .map((b) => b.trim())
      .filter(Boolean),
  ),
];

export function parseRow(raw: RawRow): { parsed: ParsedRow | null; reasons: string[] } {
  const reasons: string[] = [];
  const name = (key: ColumnKey, label: string, required: boolean) => {
    const v = nodeName(raw[key]);
    if (!v && required) reasons.push(`缺少${label}`);
    if (v.length > MAX_NODE_NAME) reasons.push(`${label}过长（最多${MAX_NODE_NAME}个字）`);
    return v;
  };
  const street = name('street', '镇街', false);
  const community = name('community', '社区名称', true);
  const area = name('area', '片的名称', true);
  const group = name('group', '组的名称', true);
  const unit = name('unit', '邻的名称', true);

  const person = (nameKey: ColumnKey, phoneKey: ColumnKey, label: string, required: boolean): Person | null => {
    const n = personName(raw[nameKey]);
    const rawPhone = clean(raw[phoneKey]);
    const p = phoneOf(rawPhone);
    if (!n && !rawPhone) {
      if (required) reasons.push(`缺少${label}姓名和电话`);
      return null;
    }
    if (!n) reasons.push(`缺少${label}姓名`);
    if (n.length > MAX_PERSON_NAME) reasons.push(`${label}姓名过长（最多${MAX_PERSON_NAME}个字）`);
    if (!rawPhone) reasons.push(`缺少${label}电话`);
    else if (!PHONE.test(p)) reasons.push(`${label}电话“${rawPhone}”不是11位手机号`);
    return { name: n, phone: p };
  };
  const areaLead = person('areaLeadName', 'areaLeadPhone', '片长', false);
  const groupLead = person('groupLeadName', 'groupLeadPhone', '组长', false);
  const unitLead = person('unitLeadName', 'unitLeadPhone', '邻长', true);

  const buildingsText = clean(raw.buildings);
  const buildings = buildingsText ? splitBuildings(buildingsText) : null;
  const long = buildings?.find((b) => b.length > MAX_BUILDING);
  if (long) reasons.push(`楼栋单元“${long}”过长（每项最多${MAX_BUILDING}个字）`);
  if (buildings && buildings.length > MAX_BUILDINGS) reasons.push(`楼栋单元过多（一个邻最多${MAX_BUILDINGS}项）`);

  if (reasons.length > 0 || !unitLead) return { parsed: null, reasons };
  return {
    parsed: { row: raw.row, street, community, area, group, unit, areaLead, groupLead, unitLead, buildings },
    reasons,
  };
}

/** Every row on its own: the rows that pass, each with its sheet row; the others go to `reject`. In time slices. */
export async function parseRows(rawRows: RawRow[], reject: (raw: RawRow, reason: string) => void): Promise<{ raw: RawRow; p: ParsedRow }[]> {
  const parsed: { raw: RawRow; p: ParsedRow }[] = [];
  const pause = timeSlices();
  for (const raw of rawRows) {
    await pause();
    const { parsed: p, reasons } = parseRow(raw);
    if (!p) reject(raw, reasons.join('；'));
    else parsed.push({ raw, p });
  }
  return parsed;
}
