// The cloud-semantics store: the real cloud adapter (CloudStore, cloud.ts) over a CloudBase
// emulated on the local SQLite file (cloud-emulator.ts). Tests choose it (store mode
// 'cloud') to see what the cloud would do: snapshot reads, write conflicts between open
// transactions, a round trip per operation, page limits. Seeding writes the SQLite file
// directly (bulkPut), as an import into the cloud database would.
import { CloudStore } from './cloud';
import { CloudEmulator, type CloudEmulatorOptions } from './cloud-emulator';
import type { NewDoc } from './port';
import { openSqliteStore, type SqliteStore } from './sqlite';

export class CloudSemanticsStore extends CloudStore {
  readonly emulator: CloudEmulator;

  constructor(
    readonly sqlite: SqliteStore,
    opts: CloudEmulatorOptions = {},
  ) {
    const emulator = new CloudEmulator(sqlite, opts);
    super(emulator);
    this.emulator = emulator;
  }

  /** Seeding only: many documents at once, straight into the database. */
  bulkPut(collection: string, docs: NewDoc[]): void {
    this.sqlite.bulkPut(collection, docs);
  }

  checkpoint(): void {
    this.sqlite.checkpoint();
  }

  close(): void {
    this.sqlite.close();
  }
}

export function openCloudSemanticsStore(file: string, opts: CloudEmulatorOptions = {}): CloudSemanticsStore {
  return new CloudSemanticsStore(openSqliteStore(file), opts);
}
