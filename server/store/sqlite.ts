// The local store: documents as JSON in SQLite (better-sqlite3, WAL), one table per
// collection, indexes on json_extract expressions from the one index list.
//
// Group commit: every write goes into one open SQLite transaction, committed once the
// current turn of the event loop has run; a write is acknowledged only after that commit.
// Under load many calls share one commit (one WAL append instead of one each); alone, a
// write waits one turn. Within a batch, updates of a document the store already holds are
// written back once, at the end (a counter bumped by a hundred calls is one row write); a
// query first writes them out, so it sees them. Reads on this connection see the open batch
// for less than a turn; should the process die before the commit, the batch is lost as a
// whole, with every write that read from it, and none of them was acknowledged.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ABSENT, DocCache, DocKeyMap, deepFreeze } from './doc-cache';
import { applyPatch } from './doc-patch';
import { INDEXES, type IndexSpec } from './indexes';
import type { CollectionName, Collections } from './collections';
import { hasId, StoreError, withId, type AnyDoc, type AnyStore, type Collection, type Doc, type NewDoc, type Patch, type Store, type StoreStats } from './port';
import { EMPTY_QUERY } from './query-builder';
import { SqliteCollection } from './sqlite-collection';
import { openTable, type Row, type TableRows } from './sqlite-tables';
import { LocalTransaction, newId, TxConflict } from './sqlite-tx';


const DOC_CACHE_MAX = 50_000;
/** A batch this large is committed at once, not at the end of the turn (bounded WAL growth). */
const BATCH_MAX_WRITES = 5_000;

const TX_MAX_ATTEMPTS = 20;

/** A row's JSON back as the document it stored (a row that is not one is a corrupt table). */
function parseStored(json: string, collection: string): AnyDoc {
  const doc: unknown = JSON.parse(json);
  if (hasId(doc)) return doc;
  throw new StoreError('INVALID', `a row of ${collection} is not a document`);
}

export class SqliteStore implements Store, AnyStore {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** Each collection's table and its row statements, prepared once. */
  private readonly tables = new Map<string, TableRows>();
  private readonly counts: StoreStats = { reads: 0, writes: 0 };
  /**
   * Documents read by id, parsed and frozen, until a write to them. Every write of this
   * process goes through the row methods below, which drop the entry, so the cache is exact
   * as long as one process owns the file (as the dev server does). Frozen, so a handler that
   * would change a document it read fails here rather than corrupt what others see.
   */
  private readonly docCache = new DocCache(DOC_CACHE_MAX);
  /** Updates of the open batch not yet written to their rows (key → the document's latest state). */
  private readonly dirty = new DocKeyMap<{ v: number; doc: AnyDoc }>();
  /** The open group-commit batch; `done` settles when it is committed (or fails to be). */
  private batch: { writes: number; done: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | null = null;
  private readonly begin: Database.Statement;
  private readonly commitBatch: Database.Statement;
  private readonly rollbackBatch: Database.Statement;
  /** Runs a function in a savepoint of the open batch (better-sqlite3 nests transactions so). */
  private readonly savepoint: <T>(fn: () => T) => T;

  constructor(
    file: string,
    private readonly indexes: IndexSpec[] = INDEXES,
  ) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    // One process owns the file (what makes the document cache exact): the lock says so, a
    // second server on the same folder fails to open it instead of serving stale documents;
    // and without other processes to coordinate with, reads and commits skip the locking.
    this.db.pragma('locking_mode = EXCLUSIVE');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    // Checkpoints (which fsync) block the event loop: take them less often than every 1,000 pages.
    this.db.pragma('wal_autocheckpoint = 10000');
    this.begin = this.db.prepare('BEGIN IMMEDIATE');
    this.commitBatch = this.db.prepare('COMMIT');
    this.rollbackBatch = this.db.prepare('ROLLBACK');
    const nested = this.db.transaction((fn: () => unknown) => fn());
    this.savepoint = <T>(fn: () => T) => nested(fn) as T;
  }

  close(): void {
    if (!this.db.open) return;
    this.flush();
    this.db.close();
  }

  /** Opens a batch for a write about to be made, unless one (or a bulk load) is open. */
  private writing(): void {
    if (this.batch) {
      this.batch.writes++;
      return;
    }
    if (this.db.inTransaction) return;
    this.begin.run();
    let resolve!: () => void;
    let reject!: (e: unknown) => void;
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    done.catch(() => undefined);
    this.batch = { writes: 1, done, resolve, reject };
    setImmediate(() => this.flush());
  }

  /**
   * When what was just written (or read, in a transaction) is committed: call it right after
   * the write, in the same tick. A failed commit rejects every write of its batch.
   */
  committed(): Promise<void> {
    const b = this.batch;
    if (!b) return Promise.resolve();
    if (b.writes >= BATCH_MAX_WRITES) this.flush();
    return b.done;
  }

  /** Batches committed so far (each is one SQLite commit). */
  commits = 0;

  /** Commits the open batch now. */
  flush(): void {
    const b = this.batch;
    if (!b) return;
    try {
      this.syncDirty();
      this.commitBatch.run();
      this.batch = null;
      this.commits++;
      b.resolve();
    } catch (e) {
      this.failBatch(e);
    }
  }

  /** Rolls the open batch back: every write in it fails with `e`. */
  private failBatch(e: unknown): void {
    const b = this.batch;
    this.batch = null;
    if (this.db.inTransaction) this.rollbackBatch.run();
    // The cache may hold documents of the lost batch.
    this.docCache.clear();
    this.dirty.clear();
    b?.reject(e);
  }

  /**
   * Runs writes already checked to succeed (a transaction's commit) without a savepoint of
   * their own: should the database still fail one, the whole batch fails with it.
   */
  checkedWrites(fn: () => void): void {
    this.writing();
    try {
      fn();
    } catch (e) {
      this.failBatch(e);
      throw e;
    }
  }

  stats(): StoreStats {
    return { ...this.counts, commits: this.commits };
  }

  countRead(): void {
    this.counts.reads++;
  }
  countWrite(): void {
    this.counts.writes++;
  }

  table(name: string): string {
    return this.rows(name).table;
  }

  private rows(name: string): TableRows {
    const known = this.tables.get(name);
    if (known) return known;
    const rows = openTable(this.db, name, this.indexes);
    this.tables.set(name, rows);
    return rows;
  }

  /** A statement prepared once; `pluck`: it returns its one column's values, not row objects. */
  prepare(sql: string, pluck = false): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      if (pluck) stmt.pluck(true);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /** A document and its version, from the cache or the table (a document known absent is cached too). */
  entry(collection: string, id: string): { v: number; doc: AnyDoc } | null {
    const hit = this.docCache.get(collection, id);
    if (hit) return hit.doc === null ? null : hit;
    const pending = this.dirty.get(collection, id);
    if (pending) return this.remember(collection, pending.v, pending.doc);
    const row = this.readRow(collection, id);
    if (!row) {
      this.docCache.set(collection, id, ABSENT);
      return null;
    }
    return this.remember(collection, row.v, parseStored(row.doc, collection));
  }

  /** Caches a document this store owns (never a caller's object: it gets frozen). */
  private remember(collection: string, v: number, doc: AnyDoc): { v: number; doc: AnyDoc } {
    const e = { v, doc: deepFreeze(doc) };
    this.docCache.set(collection, doc._id, e);
    return e;
  }

  /** Runs `fn` as one unit of the open batch; if it fails, what it cached for `keys` is dropped too. */
  atomically<T>(keys: [string, string][], fn: () => T): T {
    this.writing();
    const before = keys.map(([collection, id]) => this.dirty.get(collection, id));
    try {
      return this.savepoint(fn);
    } catch (e) {
      keys.forEach(([collection, id], i) => {
        const was = before[i];
        if (was) this.dirty.set(collection, id, was);
        else this.dirty.delete(collection, id);
        this.forget(collection, id);
      });
      throw e;
    }
  }

  /**
   * Writes the batch's pending updates to their rows: one collection's before a query of it
   * (so other hot documents stay coalesced), all of them before the commit.
   */
  syncDirty(collection?: string): void {
    if (this.dirty.size === 0) return;
    for (const name of collection === undefined ? this.dirty.collections() : [collection]) {
      const ids = this.dirty.take(name);
      if (!ids) continue;
      const rows = this.rows(name);
      this.checkedWrites(() => {
        for (const [id, { v, doc }] of ids) rows.writeAt.run(JSON.stringify(doc), v, id);
      });
    }
  }

  /**
   * Before a write made at once: a pending update of the same document goes to its row
   * first, so the row's version counts it and the new write makes a version of its own.
   */
  private writeBack(collection: string, id: string): void {
    const update = this.dirty.get(collection, id);
    if (!update) return;
    this.dirty.delete(collection, id);
    this.rows(collection).writeAt.run(JSON.stringify(update.doc), update.v, id);
  }

  forget(collection: string, id: string): void {
    this.docCache.delete(collection, id);
  }

  readRow(collection: string, id: string): Row | undefined {
    return this.rows(collection).read.get(id) as Row | undefined;
  }

  insertRow(collection: string, doc: AnyDoc): void {
    const rows = this.rows(collection);
    this.writing();
    this.forget(collection, doc._id);
    this.writeBack(collection, doc._id);
    try {
      rows.insert.run(doc._id, JSON.stringify(doc));
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
        throw new StoreError('CONFLICT', `duplicate _id ${doc._id} in ${collection}`);
      }
      throw e;
    }
  }

  upsertRow(collection: string, doc: AnyDoc): void {
    const rows = this.rows(collection);
    this.writing();
    this.forget(collection, doc._id);
    this.writeBack(collection, doc._id);
    rows.upsert.run(doc._id, JSON.stringify(doc));
  }

  /**
   * `next`: the version this write makes, when `doc` is the store's own copy: then it stays
   * cached and its row is written back once, at the end of the batch.
   */
  writeRow(collection: string, doc: AnyDoc, next?: number): void {
    const rows = this.rows(collection);
    this.writing();
    if (next !== undefined && this.batch) {
      this.dirty.set(collection, doc._id, { v: next, doc: this.remember(collection, next, doc).doc });
      return;
    }
    this.forget(collection, doc._id);
    this.writeBack(collection, doc._id);
    rows.write.run(JSON.stringify(doc), doc._id);
    if (next !== undefined) this.remember(collection, next, doc);
  }

  deleteRow(collection: string, id: string): boolean {
    const rows = this.rows(collection);
    this.writing();
    this.forget(collection, id);
    this.writeBack(collection, id);
    return rows.remove.run(id).changes > 0;
  }

  patchRow(collection: string, id: string, patch: Patch): boolean {
    const e = this.entry(collection, id);
    if (!e) return false;
    this.writeRow(collection, applyPatch(e.doc, patch), e.v + 1);
    return true;
  }

  collection<K extends CollectionName>(name: K): Collection<Collections[K]>;
  collection(name: string): Collection;
  collection<D extends Doc>(name: string): Collection<D> {
    this.table(name);
    return new SqliteCollection<D>(this, name, EMPTY_QUERY);
  }

  /** Seeding and imports only (not part of the port): many inserts in one SQLite transaction. */
  bulkPut<K extends CollectionName>(collection: K, docs: NewDoc<Collections[K]>[]): void;
  bulkPut(collection: string, docs: NewDoc[]): void;
  bulkPut(collection: string, docs: NewDoc[]): void {
    const run = this.db.transaction((items: NewDoc[]) => {
      for (const d of items) this.upsertRow(collection, withId(d, d._id ?? newId()));
    });
    run.immediate(docs);
  }

  /** After a bulk load: folds the WAL into the database file and empties it (PRAGMA wal_checkpoint). */
  checkpoint(): void {
    this.flush();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /**
   * Transactions run one at a time in this process (a queue), so they never conflict with
   * each other; a plain write by another caller to a document the transaction read makes
   * it run again. Do not start a transaction inside another: it would wait for itself.
   */
  async transaction<T>(fn: (tx: LocalTransaction) => Promise<T>): Promise<T> {
    const run = this.txQueue.then(() => this.runTransaction(fn));
    this.txQueue = run.then(
      () => undefined,
      () => undefined,
    );
    // The queue moves on once the writes are in the batch; the caller waits for its commit.
    const { result, committed } = await run;
    await committed;
    return result;
  }

  private txQueue: Promise<void> = Promise.resolve();

  private async runTransaction<T>(fn: (tx: LocalTransaction) => Promise<T>): Promise<{ result: T; committed: Promise<void> }> {
    for (let attempt = 1; ; attempt++) {
      const tx = new LocalTransaction(this);
      try {
        const result = await fn(tx);
        // Even a transaction that wrote nothing may have read the open batch: it waits for it.
        if (tx.commit()) return { result, committed: this.committed() };
      } catch (e) {
        if (!(e instanceof TxConflict)) throw e;
      }
      if (attempt >= TX_MAX_ATTEMPTS) throw new StoreError('CONFLICT', 'transaction kept conflicting');
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(20, 2 ** attempt)));
    }
  }
}

export function openSqliteStore(file: string, indexes?: IndexSpec[]): SqliteStore {
  return new SqliteStore(file, indexes);
}
