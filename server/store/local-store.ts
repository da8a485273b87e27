// The store the local runtime runs on, in one of two modes:
// - 'local': the fast SQLite store (sqlite.ts), what `npm start` and most tests use;
// - 'cloud': the cloud adapter over a CloudBase emulated on SQLite (cloud-semantics.ts):
//   snapshot reads, write conflicts, a round trip per operation, the cloud's page limits.
// Both can be seeded in bulk (bulkPut), which the port itself does not offer.
import type { CloudEmulatorOptions } from './cloud-emulator';
import { CloudSemanticsStore } from './cloud-semantics';
import type { CollectionName, Collections } from './collections';
import type { NewDoc, Store } from './port';
import { openSqliteStore } from './sqlite';

export interface LocalStore extends Store {
  /** Seeding and imports into the database file only: many documents at once. */
  bulkPut<K extends CollectionName>(collection: K, docs: NewDoc<Collections[K]>[]): void;
  /** After a bulk load: the write-ahead log folded into the database file, so reads find every page there. */
  checkpoint(): void;
  close(): void;
}

export type StoreMode = { mode: 'local' } | ({ mode: 'cloud' } & CloudEmulatorOptions);

export function openLocalStore(file: string, mode: StoreMode = { mode: 'local' }): LocalStore {
  const sqlite = openSqliteStore(file);
  return mode.mode === 'cloud' ? new CloudSemanticsStore(sqlite, mode) : sqlite;
}
