// The query builder both adapters share: where/orderBy/skip/limit/field checked and kept
// in one immutable state; each adapter runs that state (SQL locally, the SDK in the cloud).
import { splitPath } from './doc-patch';
import { MAX_LIMIT, StoreError, type Collection, type Direction, type Doc, type DocRef, type Filter, type NewDoc, type Patch, type Query } from './port';

export interface QueryState {
  filters: Filter[];
  order: [string, Direction][];
  skip: number;
  limit: number;
  fields: string[] | null;
}

export const EMPTY_QUERY: QueryState = Object.freeze({ filters: [], order: [], skip: 0, limit: MAX_LIMIT, fields: null });

export abstract class QueryBuilder<D extends Doc> implements Query<D> {
  constructor(protected readonly state: QueryState) {}

  /** The same collection with another state (typed as the documents it will return). */
  protected abstract next<E extends Doc>(state: QueryState): QueryBuilder<E>;

  where(filter: Filter): Query<D> {
    return this.next<D>({ ...this.state, filters: [...this.state.filters, filter] });
  }
  orderBy(field: string, direction: Direction): Query<D> {
    splitPath(field);
    if (direction !== 'asc' && direction !== 'desc') throw new StoreError('INVALID', 'direction is asc or desc');
    return this.next<D>({ ...this.state, order: [...this.state.order, [field, direction]] });
  }
  skip(n: number): Query<D> {
    if (!Number.isInteger(n) || n < 0) throw new StoreError('INVALID', 'skip must be a whole number ≥ 0');
    return this.next<D>({ ...this.state, skip: n });
  }
  limit(n: number): Query<D> {
    if (!Number.isInteger(n) || n < 1) throw new StoreError('INVALID', 'limit must be a whole number ≥ 1');
    return this.next<D>({ ...this.state, limit: Math.min(n, MAX_LIMIT) });
  }
  field<K extends keyof D & string>(fields: readonly K[]): Query<Pick<D, K | '_id'>> {
    fields.forEach(splitPath);
    return this.next<Pick<D, K | '_id'>>({ ...this.state, fields: [...fields] });
  }

  abstract get(): Promise<D[]>;
  abstract count(): Promise<number>;
  abstract update(patch: Patch): Promise<number>;
  abstract remove(): Promise<number>;
}

/**
 * A collection of one adapter (SqliteCollection, CloudCollection): its store, its name and the
 * query state; `next` makes another of the same class over the same collection.
 */
export abstract class AdapterCollection<S, D extends Doc> extends QueryBuilder<D> implements Collection<D> {
  constructor(
    protected readonly store: S,
    protected readonly name: string,
    state: QueryState,
  ) {
    super(state);
  }

  protected next<E extends Doc>(state: QueryState): AdapterCollection<S, E> {
    const Same = this.constructor as new (store: S, name: string, state: QueryState) => AdapterCollection<S, E>;
    return new Same(this.store, this.name, state);
  }

  abstract doc(id: string): DocRef<D>;
  abstract add(data: NewDoc<D>): Promise<string>;
}
