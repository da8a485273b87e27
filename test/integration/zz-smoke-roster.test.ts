import { makeCtx } from '../../server/core/router';
import { importRoster } from '../../server/features/roster/import';
import { demoRuntime } from '../../test/integration/runtime';
import { demoRosterRows, rosterXlsx, XLSX_TYPE } from '../../test/fixtures/roster-xlsx';
it('smoke', async () => {
  const rt = demoRuntime();
  const ctx = makeCtx(rt.ports, { openid: 'demo-admin' });
  const rows = demoRosterRows();
  console.log(rows.slice(0, 5));
  const id = await rt.ports.files.put('uploads/a.xlsx', await rosterXlsx(rows, { phonesAsNumbers: true, mergeAreas: true, title: '幸福里社区三长名册' }), XLSX_TYPE);
  const before = rt.store.stats();
  const r = await importRoster(ctx, { role: 'admin', nodeId: 'c1', nodeName: '幸福里社区', level: 'community' }, id, false);
  const after = rt.store.stats();
  console.log(JSON.stringify(r, null, 1).slice(0, 3000), before, after);
  rt.close();
});
