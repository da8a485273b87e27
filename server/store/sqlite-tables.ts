// The local store's tables: one per collection (\`c_<name>\`: _id, version, the document as
// JSON), its indexes from the one index list (json_extract expressions), and the row
// statements SqliteStore (sqlite.ts) prepares once per table.
import type Database from 'better-sqlite3';
import type { IndexSpec } from './indexes';
import { checkCollectionName } from './port';
import { fieldExpr } from './sqlite-query';

export type Row = { _id: string; v: number; doc: string };

export interface TableRows {
  table: string;
  read: Database.Statement;
  insert: Database.Statement;
  upsert: Database.Statement;
  write: Database.Statement;
  writeAt: Database.Statement;
  remove: Database.Statement;
}

/** Creates the collection's table and indexes if they are missing; its row statements. */
export function openTable(db: Database.Database, name: string, indexes: IndexSpec[]): TableRows {
  checkCollectionName(name);
  const table = `c_${name}`;
  db.exec(`CREATE TABLE IF NOT EXISTS "${table}" (_id TEXT PRIMARY KEY, v INTEGER NOT NULL, doc TEXT NOT NULL)`);
  for (const idx of indexes.filter((i) => i.collection === name)) {
    const cols = idx.fields.map(([f, d]) => `${fieldExpr(f)} ${d === 1 ? 'ASC' : 'DESC'}`).join(', ');
    db.exec(`CREATE ${idx.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${table}__${idx.name}" ON "${table}" (${cols})`);
  }
  return {
    table,
    read: db.prepare(`SELECT _id, v, doc FROM "${table}" WHERE _id = ?`),
    insert: db.prepare(`INSERT INTO "${table}" (_id, v, doc) VALUES (?, 1, ?)`),
    upsert: db.prepare(`INSERT INTO "${table}" (_id, v, doc) VALUES (?, 1, ?) ON CONFLICT(_id) DO UPDATE SET doc = excluded.doc, v = v + 1`),
    write: db.prepare(`UPDATE "${table}" SET doc = ?, v = v + 1 WHERE _id = ?`),
    writeAt: db.prepare(`UPDATE "${table}" SET doc = ?, v = ? WHERE _id = ?`),
    remove: db.prepare(`DELETE FROM "${table}" WHERE _id = ?`),
  };
}
