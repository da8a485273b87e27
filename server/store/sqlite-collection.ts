// The local store's query and document handles: a collection (the shared query builder,
// compiled to SQL) and a document reference, both over the rows of SqliteStore (sqlite.ts).
import { setPath } from './doc-patch';
import { StoreError, totalOrder, withId, type AnyDoc, type Doc, type DocBody, type DocRef, type NewDoc, type Patch } from './port';
import { AdapterCollection } from './query-builder';
import type { SqliteStore } from './sqlite';
import { compileFilter, fieldExpr, jsonPath, type Param } from './sqlite-query';
import { newId } from './sqlite-tx';

export class SqliteCollection<D extends Doc = AnyDoc> extends AdapterCollection<SqliteStore, D> {

  doc(id: string): DocRef<D> {
    return new SqliteDocRef<D>(this.store, this.name, id);
  }

  async add(data: NewDoc<D>): Promise<string> {
    const doc = withId(data, data._id ?? newId());
    if (typeof doc._id !== 'string' || doc._id === '') throw new StoreError('INVALID', '_id must be a string');
    this.store.countWrite();
    this.store.insertRow(this.name, doc);
    await this.store.committed();
    return doc._id;
  }

  private whereSql(params: Param[]): string {
    return this.state.filters.length ? compileFilter({ $cmd: 'and', filters: this.state.filters }, params) : '1';
  }

  async get(): Promise<D[]> {
    this.store.syncDirty(this.name);
    const params: Param[] = [];
    const where = this.whereSql(params);
    const sorted = totalOrder(this.state.order, this.state.skip);
    const order = sorted.length ? ` ORDER BY ${sorted.map(([f, d]) => `${fieldExpr(f)} ${d.toUpperCase()}`).join(', ')}` : '';
    const table = this.store.table(this.name);
    const fields = this.state.fields?.filter((f) => f !== '_id');
    // The limit (1…100) is written into the SQL: SQLite runs a bound LIMIT markedly slower.
    let page = ` LIMIT ${this.state.limit}`;
    if (this.state.skip > 0) {
      page += ' OFFSET ?';
      params.push(this.state.skip);
    }
    this.store.countRead();
    if (!fields) {
      const sql = `SELECT doc FROM "${table}" WHERE ${where}${order}${page}`;
      return (this.store.prepare(sql, true).all(...params) as string[]).map((doc) => JSON.parse(doc) as D);
    }
    // Only the fields asked for leave SQLite (as JSON, so a string and an object stay apart).
    const cols = fields.map((f, i) => `doc -> '${jsonPath(f)}' AS f${i}`).join(', ');
    const sql = `SELECT _id${cols ? `, ${cols}` : ''} FROM "${table}" WHERE ${where}${order}${page}`;
    const rows = this.store.prepare(sql).all(...params) as Record<string, string | null>[];
    return rows.map((r) => {
      const doc: Record<string, unknown> = { _id: r._id };
      fields.forEach((f, i) => {
        const json = r[`f${i}`];
        if (json !== null && json !== undefined) setPath(doc, f, JSON.parse(json));
      });
      return doc as D;
    });
  }

  async count(): Promise<number> {
    this.store.syncDirty(this.name);
    const params: Param[] = [];
    const where = this.whereSql(params);
    const table = this.store.table(this.name);
    this.store.countRead();
    const row = this.store.prepare(`SELECT count(*) AS n FROM "${table}" WHERE ${where}`).get(...params) as { n: number };
    return row.n;
  }

  private matchingIds(): string[] {
    this.store.syncDirty(this.name);
    const params: Param[] = [];
    const where = this.whereSql(params);
    const table = this.store.table(this.name);
    return (this.store.prepare(`SELECT _id FROM "${table}" WHERE ${where}`).all(...params) as { _id: string }[]).map(
      (r) => r._id,
    );
  }

  async update(patch: Patch): Promise<number> {
    this.store.countWrite();
    const ids = this.matchingIds();
    const n = this.store.atomically(
      ids.map((id) => [this.name, id]),
      () => {
        let changed = 0;
        for (const id of ids) if (this.store.patchRow(this.name, id, patch)) changed++;
        return changed;
      },
    );
    await this.store.committed();
    return n;
  }

  async remove(): Promise<number> {
    this.store.countWrite();
    const n = this.store.atomically([], () => {
      let removed = 0;
      for (const id of this.matchingIds()) if (this.store.deleteRow(this.name, id)) removed++;
      return removed;
    });
    await this.store.committed();
    return n;
  }
}

class SqliteDocRef<D extends Doc = AnyDoc> implements DocRef<D> {
  constructor(
    private readonly store: SqliteStore,
    private readonly collection: string,
    private readonly id: string,
  ) {}

  async get(): Promise<D | null> {
    this.store.countRead();
    return (this.store.entry(this.collection, this.id)?.doc as D | undefined) ?? null;
  }

  async set(data: DocBody<D>): Promise<void> {
    this.store.countWrite();
    this.store.upsertRow(this.collection, withId(data, this.id));
    await this.store.committed();
  }

  async update(patch: Patch): Promise<boolean> {
    this.store.countWrite();
    // One document: a patch that cannot apply throws before anything is written.
    const changed = this.store.patchRow(this.collection, this.id, patch);
    await this.store.committed();
    return changed;
  }

  async remove(): Promise<boolean> {
    this.store.countWrite();
    const removed = this.store.deleteRow(this.collection, this.id);
    await this.store.committed();
    return removed;
  }
}
