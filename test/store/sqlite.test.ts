import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../server/store/sqlite';
import { storeContract } from './contract';

storeContract('SQLite (in memory)', async () => {
  const store = openSqliteStore(':memory:');
  return { store, close: () => store.close() };
});

storeContract('SQLite (WAL file)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lzt-store-'));
  const store = openSqliteStore(path.join(dir, 'test.sqlite'));
  return {
    store,
    close: () => {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite store specifics', () => {
  it('uses the declared indexes for indexed lookups', () => {
    const store = openSqliteStore(':memory:');
    store.collection('households');
    const plan = store.db
      .prepare(`EXPLAIN QUERY PLAN SELECT doc FROM "c_households" WHERE json_extract(doc, '$.unitId') = ?`)
      .all('u1') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX c_households__unit_address/);
    store.close();
  });
});
