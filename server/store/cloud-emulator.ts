// A CloudBase database emulated over the local SQLite store, implementing the part of
// wx-server-sdk's database that the cloud adapter (cloud.ts) uses, so tests run the real
// cloud adapter against the cloud's semantics instead of the local store's:
// - Every operation is one round trip (`roundTripMs`, e.g. 5 ms), as each is a request.
//   runTransaction costs one more to start and one to commit (or roll back), as
//   @cloudbase/database's Transaction does (database.startTransaction / commitTransaction).
// - Transactions use snapshot isolation (the 云开发 guide, 事务 · 快照隔离): reads return the
//   documents as they were when the transaction started, even after others commit; a write
//   changes the transaction's snapshot and puts a transaction lock on the document.
// - 事务锁: "其他事务的写入会直接失败" — a write to a document another open transaction
//   has written fails at once with a conflict; "普通的更新操作会被阻塞" — a plain write
//   waits until the lock is released. The guide does not say what happens when a document
//   was changed and committed by someone else after the snapshot was taken; snapshot
//   isolation (and MongoDB, which CloudBase runs on) makes that a write conflict too: we
//   build to that stricter reading. A conflict aborts the transaction on the server.
// - The SDK's runTransaction(fn, times = 3) runs again, at once and without rolling back,
//   when the error's code is DATABASE_TRANSACTION_CONFLICT, up to `times` more runs.
// - get() returns at most `pageLimit` documents (100 in a cloud function: the current
//   Collection.limit reference says 1,000, the older server reference and users' tests 100;
//   we take the stricter 100. The mini program's own client default is 20).
// - doc().get() of a missing document rejects (throwOnNotFound, the SDK's default).
import { AsyncLocalStorage } from 'node:async_hooks';
import { EmuCollection, EmuTransaction } from './cloud-emulator-ops';
import { abortedError, conflictError, emuCommand } from './cloud-emulator-sdk';
import type { SdkCollection, SdkCommand, SdkDatabase, SdkTransaction } from './cloud-sdk';
import { MAX_LIMIT, type AnyDoc } from './port';
import type { SqliteStore } from './sqlite';

export interface CloudEmulatorOptions {
  /** Each operation's round trip, in ms (0: the next turn of the event loop). */
  roundTripMs?: number;
  /** Documents a get() returns at most. */
  pageLimit?: number;
}

/** What the emulator saw: in total, or for one traced call (see `trace`). */
export interface EmulatorFigures {
  roundTrips: number;
  /** Transaction runs started (a retry is a run more). */
  txRuns: number;
  /** Runs that ended in a write conflict. */
  conflicts: number;
  /** Plain writes that waited for a transaction lock. */
  blockedWrites: number;
}
const zero = (): EmulatorFigures => ({ roundTrips: 0, txRuns: 0, conflicts: 0, blockedWrites: 0 });

type Key = string;
const keyOf = (collection: string, id: string): Key => `${collection}\u0000${id}`;

/** One open transaction of the emulator: its snapshot, its buffered writes and the locks it holds. */
export class EmuTx {
  readonly writes = new Map<Key, { collection: string; id: string; doc: AnyDoc | null }>();
  readonly locked = new Set<Key>();
  state: 'open' | 'aborted' | 'done' = 'open';
  private release!: () => void;
  readonly ended = new Promise<void>((r) => (this.release = r));
  constructor(readonly snapshot: number) {}
  put(collection: string, id: string, doc: AnyDoc | null): void {
    this.writes.set(keyOf(collection, id), { collection, id, doc });
  }
  end(state: 'aborted' | 'done'): void {
    this.state = state;
    this.release();
  }
}

export class CloudEmulator implements SdkDatabase {
  readonly command: SdkCommand = emuCommand;
  readonly roundTripMs: number;
  readonly pageLimit: number;
  private readonly totals = zero();
  private readonly traces = new AsyncLocalStorage<EmulatorFigures>();
  /** Commits (transactions and plain writes) so far; a transaction's snapshot is this number. */
  private seq = 0;
  /** The commit that last wrote each document (documents never written here: 0). */
  private readonly lastWrite = new Map<Key, number>();
  /** Each document's state before the commits made while transactions were open (for their snapshots). */
  private readonly history = new Map<Key, { seq: number; before: AnyDoc | null }[]>();
  private readonly locks = new Map<Key, EmuTx>();
  private readonly open = new Set<EmuTx>();

  constructor(
    readonly sqlite: SqliteStore,
    opts: CloudEmulatorOptions = {},
  ) {
    this.roundTripMs = opts.roundTripMs ?? 0;
    this.pageLimit = Math.min(opts.pageLimit ?? MAX_LIMIT, MAX_LIMIT);
  }

  figures(): EmulatorFigures {
    return { ...this.totals };
  }

  /** Runs `fn` and returns, beside its result, what the emulator did for it alone. */
  async trace<T>(fn: () => Promise<T>): Promise<{ result: T; figures: EmulatorFigures }> {
    const figures = zero();
    const result = await this.traces.run(figures, fn);
    return { result, figures };
  }

  private count(k: keyof EmulatorFigures): void {
    this.totals[k]++;
    const t = this.traces.getStore();
    if (t) t[k]++;
  }

  /** One request to the database and its reply. */
  async trip(): Promise<void> {
    this.count('roundTrips');
    const ms = this.roundTripMs;
    await new Promise<void>((r) => (ms > 0 ? setTimeout(r, ms) : setImmediate(r)));
  }

  // ---- committed state ----
  current(collection: string, id: string): AnyDoc | null {
    return this.sqlite.entry(collection, id)?.doc ?? null;
  }

  /** The document as a transaction with this snapshot sees it. */
  snapshotOf(collection: string, id: string, snapshot: number): AnyDoc | null {
    const key = keyOf(collection, id);
    if ((this.lastWrite.get(key) ?? 0) <= snapshot) return this.current(collection, id);
    const older = this.history.get(key)?.find((h) => h.seq > snapshot);
    return older ? older.before : this.current(collection, id);
  }

  /** Marks documents as written by a new commit, keeping their old state for open snapshots. */
  private committed(changes: { collection: string; id: string; before: AnyDoc | null }[]): void {
    const seq = ++this.seq;
    for (const { collection, id, before } of changes) {
      const key = keyOf(collection, id);
      this.lastWrite.set(key, seq);
      if (this.open.size > 0) {
        const list = this.history.get(key) ?? [];
        list.push({ seq, before });
        // States no open snapshot can ask for are dropped (the oldest open transaction is the
        // first in `open`: snapshots are taken in order).
        const oldest = (this.open.values().next().value as EmuTx).snapshot;
        let drop = 0;
        while (list[drop].seq <= oldest) drop++; // the entry just pushed is newer than any snapshot
        if (drop > 0) list.splice(0, drop);
        this.history.set(key, list);
      }
    }
  }

  /** A plain write waits while a transaction holds the document's lock. */
  async unlocked(collection: string, id: string): Promise<void> {
    let blocked = false;
    for (let holder = this.locks.get(keyOf(collection, id)); holder; holder = this.locks.get(keyOf(collection, id))) {
      if (!blocked) this.count('blockedWrites');
      blocked = true;
      await holder.ended;
    }
  }

  /** A plain write of one document: waits for its lock, applies `write` to SQLite, records the commit. */
  async plainWrite<T>(collection: string, id: string, write: () => Promise<T>): Promise<T> {
    await this.unlocked(collection, id);
    const before = this.current(collection, id);
    const p = write(); // SQLite applies it synchronously; the promise is its durable commit
    this.committed([{ collection, id, before }]);
    return p;
  }

  // ---- transactions ----
  private begin(): EmuTx {
    const tx = new EmuTx(this.seq);
    this.open.add(tx);
    return tx;
  }

  private finish(tx: EmuTx, state: 'aborted' | 'done'): void {
    if (tx.state !== 'open') return;
    for (const key of tx.locked) if (this.locks.get(key) === tx) this.locks.delete(key);
    this.open.delete(tx);
    if (this.open.size === 0) this.history.clear();
    tx.end(state);
  }

  /** A transaction's write: fails (and aborts it) when another holds the lock or the document changed since the snapshot. */
  claim(tx: EmuTx, collection: string, id: string, op: string): void {
    if (tx.state !== 'open') throw abortedError();
    const key = keyOf(collection, id);
    const holder = this.locks.get(key);
    if ((holder && holder !== tx) || (this.lastWrite.get(key) ?? 0) > tx.snapshot) {
      this.finish(tx, 'aborted');
      throw conflictError(op);
    }
    this.locks.set(key, tx);
    tx.locked.add(key);
  }

  view(tx: EmuTx, collection: string, id: string): AnyDoc | null {
    if (tx.state !== 'open') throw abortedError();
    const w = tx.writes.get(keyOf(collection, id));
    return w ? w.doc : this.snapshotOf(collection, id, tx.snapshot);
  }

  private async commit(tx: EmuTx): Promise<void> {
    await this.trip();
    if (tx.state !== 'open') throw abortedError();
    const changes = [...tx.writes.values()].map((w) => ({ ...w, before: this.current(w.collection, w.id) }));
    if (changes.length > 0) {
      this.sqlite.checkedWrites(() => {
        for (const c of changes) {
          if (c.doc === null) this.sqlite.deleteRow(c.collection, c.id);
          else this.sqlite.upsertRow(c.collection, c.doc);
        }
      });
      this.committed(changes);
    }
    this.finish(tx, 'done');
    await this.sqlite.committed();
  }

  async runTransaction<T>(fn: (t: SdkTransaction) => Promise<T>, times = 3): Promise<T> {
    // As @cloudbase/database's runTransaction: start, run, commit; on a conflict run again at
    // once (no rollback, no pause) while `times` lasts; any other error rolls back.
    await this.trip();
    const tx = this.begin();
    this.count('txRuns');
    try {
      const result = await fn(new EmuTransaction(this, tx));
      await this.commit(tx);
      return result;
    } catch (e) {
      const conflict = (e as { code?: unknown })?.code === 'DATABASE_TRANSACTION_CONFLICT';
      if (conflict || tx.state === 'aborted') this.count('conflicts');
      if (conflict && times > 0) {
        this.finish(tx, 'aborted');
        return this.runTransaction(fn, times - 1);
      }
      // The SDK sends database.abortTransaction whatever the server made of the run.
      await this.trip();
      this.finish(tx, 'aborted');
      throw e;
    }
  }

  collection(name: string): SdkCollection {
    return new EmuCollection(this, name, {});
  }
}
