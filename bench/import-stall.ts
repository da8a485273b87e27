// How long other callers wait while a 管理员's roster dry run of 28,000 rows runs (issue 14):
// the local runtime in this process, one cheap call (account.ping) due every 10 ms during the
// import; prints one JSON line: the import's time and the cheap call's p50 / p99 / max latency,
// counted from when each call was due.
//   npx tsx bench/import-stall.ts            (ROWS=28000 by default)
import { makeCtx } from '../server/core/router';
import { acceptUpload } from '../server/domain/uploads';
import { createLocalRuntime } from '../server/runtime/local';
import { writeTree } from '../server/seed/demo';
import { buildTree, YUETANG_SIZE } from '../server/seed/tree';
import { waitsDuring } from '../test/fixtures/stall';

const ROWS = Number(process.env.ROWS ?? 28_000);
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;

async function main() {
  // The roster sheets of the tests (test/fixtures); their module reaches the test runtime's afterAll.
  (globalThis as { afterAll?: unknown }).afterAll ??= () => undefined;
  const { rosterXlsx, treeRows } = await import('../test/fixtures/roster-xlsx');
  const now = Date.now();
  const tree = buildTree({ size: { ...YUETANG_SIZE, groups: Math.ceil(ROWS / 5), areas: Math.ceil(ROWS / 20), units: ROWS, households: 0 }, now });
  const places = tree.nodes.filter((n) => n.level === 'district' || n.level === 'street' || n.level === 'community');
  const rows = treeRows(tree);
  const rt = createLocalRuntime({ dbFile: ':memory:', log: () => undefined });
  try {
    const district = places.find((n) => n.level === 'district')!;
    writeTree(rt.store, {
      nodes: places,
      users: [{ _id: 'bench-admin', name: '区管理员', grants: [{ role: 'admin', nodeId: district._id, nodeName: district.name, level: 'district' }], createdAt: now }],
    });
    const file = await rosterXlsx(rows);
    const fileId = await acceptUpload(makeCtx(rt.ports, { openid: 'bench-admin' }), 'sheet', file);
    await rt.call('account', { action: 'ping' }, 'bench-admin'); // warm

    const { result: reply, ms: importMs, waits: lat } = await waitsDuring(rt, 'bench-resident', 10, () => rt.call('roster', { action: 'import', fileId, dryRun: true }, 'bench-admin'));
    if (!reply.ok) throw new Error(`import failed: ${JSON.stringify(reply.error)}`);
    const d = reply.data as { summary: { rows: number } };
    console.log(
      JSON.stringify({
        bench: 'import-stall',
        rows: d.summary.rows,
        file_kb: Math.round(file.length / 1024),
        import_ms: Math.round(importMs),
        pings: lat.length,
        ping_p50_ms: +quantile(lat, 0.5).toFixed(1),
        ping_p99_ms: +quantile(lat, 0.99).toFixed(1),
        ping_max_ms: +Math.max(...lat).toFixed(1),
      }),
    );
  } finally {
    rt.close();
  }
}

void main();
