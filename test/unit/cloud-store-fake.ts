// A hand-written fake of wx-server-sdk's database for the CloudStore tests: every call is
// recorded, every command is a tagged plain object. The real SDK is never loaded.
import { CloudStore, type SdkDatabase } from '../../server/store/cloud';
import type { AnyStore } from '../../server/store/port';

export type Call = { scope: 'db' | 'tx'; coll: string; doc?: string; chain: unknown[][]; op: string; arg?: unknown };
export type Responder = (call: Call) => unknown;

/** db.command: every command becomes a tagged plain object we can compare. */
export const command = {
  eq: (v: unknown) => ({ $op: 'eq', v }),
  neq: (v: unknown) => ({ $op: 'neq', v }),
  gt: (v: unknown) => ({ $op: 'gt', v }),
  gte: (v: unknown) => ({ $op: 'gte', v }),
  lt: (v: unknown) => ({ $op: 'lt', v }),
  lte: (v: unknown) => ({ $op: 'lte', v }),
  in: (v: unknown[]) => ({ $op: 'in', v }),
  nin: (v: unknown[]) => ({ $op: 'nin', v }),
  exists: (v: boolean) => ({ $op: 'exists', v }),
  and: (...a: unknown[]) => ({ $op: 'and', a }),
  or: (...a: unknown[]) => ({ $op: 'or', a }),
  set: (v: unknown) => ({ $op: 'set', v }),
  inc: (v: number) => ({ $op: 'inc', v }),
  remove: () => ({ $op: 'remove' }),
};

export function fakeDb(respond: Responder = () => undefined) {
  const calls: Call[] = [];
  const txRetries: (number | undefined)[] = [];
  const run = async (call: Call) => {
    calls.push(call);
    return respond(call);
  };
  const query = (scope: Call['scope'], coll: string, chain: unknown[][]): any => ({
    where: (c: unknown) => query(scope, coll, [...chain, ['where', c]]),
    orderBy: (f: string, d: string) => query(scope, coll, [...chain, ['orderBy', f, d]]),
    skip: (n: number) => query(scope, coll, [...chain, ['skip', n]]),
    limit: (n: number) => query(scope, coll, [...chain, ['limit', n]]),
    field: (p: unknown) => query(scope, coll, [...chain, ['field', p]]),
    get: () => run({ scope, coll, chain, op: 'get' }),
    count: () => run({ scope, coll, chain, op: 'count' }),
    update: (o: unknown) => run({ scope, coll, chain, op: 'update', arg: o }),
    remove: () => run({ scope, coll, chain, op: 'remove' }),
  });
  const doc = (scope: Call['scope'], coll: string, id: string) => ({
    get: () => run({ scope, coll, doc: id, chain: [], op: 'doc.get' }),
    set: (o: unknown) => run({ scope, coll, doc: id, chain: [], op: 'doc.set', arg: o }),
    update: (o: unknown) => run({ scope, coll, doc: id, chain: [], op: 'doc.update', arg: o }),
    remove: () => run({ scope, coll, doc: id, chain: [], op: 'doc.remove' }),
  });
  const collection = (scope: Call['scope'], coll: string) => ({
    ...query(scope, coll, []),
    doc: (id: string) => doc(scope, coll, id),
    add: (o: unknown) => run({ scope, coll, chain: [], op: 'add', arg: o }),
  });
  const db: SdkDatabase = {
    command,
    collection: (name) => collection('db', name),
    runTransaction: async (fn, retries) => {
      txRetries.push(retries);
      return fn({ collection: (name) => collection('tx', name) });
    },
  };
  const store: AnyStore = new CloudStore(db, noPause); // any collection name, untyped documents
  return { db, calls, txRetries, store };
}

/** The adapter's pause between transaction attempts, not waited for here. */
export const noPause = async () => undefined;

export const last = (calls: Call[]) => calls[calls.length - 1];
export const whereOf = (call: Call) => call.chain.find((c) => c[0] === 'where')?.[1];

export const missingDocError = () =>
  Object.assign(new Error('document.get:fail document with _id nobody does not exist'), {
    errCode: -1,
    errMsg: 'document.get:fail document with _id nobody does not exist',
  });
export const duplicateError = () =>
  Object.assign(
    new Error(
      'collection.add:fail -502001 database request fail. [FailedOperation] E11000 duplicate key error collection: tnt.users index: _id_ dup key: { _id: "u1" }',
    ),
    { errCode: -502001 },
  );
