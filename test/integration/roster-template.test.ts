// The roster template a 管理员 downloads: its columns and explanations, and that it imports as
// it is (real local runtime, demo 社区). The import itself: roster-import.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import type { RoleGrantT } from '../../contracts/common';
import { makeCtx } from '../../server/core/router';
import { COLUMNS } from '../../server/features/roster/columns';
import { importRoster } from '../../server/features/roster/import';
import { rosterTemplate } from '../../server/features/roster/template';
import { readXlsx, XLSX_TYPE } from '../fixtures/roster-xlsx';
import { demoRuntime } from './runtime';

const ADMIN: RoleGrantT = { role: 'admin', nodeId: 'c1', nodeName: '幸福里社区', level: 'community' };
const rt = demoRuntime();
const ctx = makeCtx(rt.ports, { openid: 'demo-admin' });
afterAll(() => rt.close());

describe('roster template', () => {
  it('has the header, two example rows, widths and a sheet of explanations, and imports as it is', async () => {
    const url = await rosterTemplate(ctx);
    expect(url).toBe('/files/templates/roster-template.xlsx');
    const data = fs.readFileSync(path.join(rt.filesDir, 'templates/roster-template.xlsx'));
    const sheet = await readXlsx(data, '名册');
    expect(sheet[0]).toEqual(COLUMNS.map((c) => c.header));
    expect(sheet).toHaveLength(3);
    for (const r of sheet.slice(1)) for (const i of [4, 7, 10]) if (r[i]) expect(r[i]).toMatch(/^13900000\d{3}$/);
    const help = await readXlsx(data, '填写说明');
    expect(help[0]).toEqual(['列名', '是否必填', '填写说明']);
    expect(help.slice(1, 13).map((r) => r[0])).toEqual(COLUMNS.map((c) => c.header));

    const fileId = await rt.ports.files.put('uploads/template.xlsx', data, XLSX_TYPE);
    const report = await importRoster(ctx, ADMIN, fileId, false);
    expect(report.summary).toEqual({ rows: 2, added: 2, changed: 0, unchanged: 0, rejected: 0 });
  });
});
