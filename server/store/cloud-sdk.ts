// The part of wx-server-sdk's database the cloud adapter (cloud.ts) uses, typed as we use
// it (its own typings return unions), and how the SDK's errors read.
import { StoreError } from './port';


export type Data = Record<string, unknown>;
export interface SdkCommand {
  eq(v: unknown): unknown;
  neq(v: unknown): unknown;
  gt(v: unknown): unknown;
  gte(v: unknown): unknown;
  lt(v: unknown): unknown;
  lte(v: unknown): unknown;
  in(v: unknown[]): unknown;
  nin(v: unknown[]): unknown;
  exists(v: boolean): unknown;
  and(...conditions: unknown[]): unknown;
  or(...conditions: unknown[]): unknown;
  set(v: unknown): unknown;
  inc(n: number): unknown;
  remove(): unknown;
}
export interface SdkQuery {
  where(condition: unknown): SdkQuery;
  orderBy(field: string, direction: string): SdkQuery;
  skip(n: number): SdkQuery;
  limit(n: number): SdkQuery;
  field(projection: Record<string, boolean>): SdkQuery;
  get(): Promise<{ data: Data[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: Data }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}
export interface SdkDocRef {
  get(): Promise<{ data: Data | Data[] | null }>;
  set(options: { data: Data }): Promise<unknown>;
  update(options: { data: Data }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}
export interface SdkTxCollection {
  doc(id: string): SdkDocRef;
  add(options: { data: Data }): Promise<unknown>;
}
export interface SdkCollection extends SdkQuery, SdkTxCollection {}
export interface SdkTransaction {
  collection(name: string): SdkTxCollection;
}
export interface SdkDatabase {
  command: SdkCommand;
  collection(name: string): SdkCollection;
  runTransaction<T>(fn: (t: SdkTransaction) => Promise<T>, retries?: number): Promise<T>;
}

function errorText(e: unknown): string {
  if (typeof e === 'string') return e;
  if (!e || typeof e !== 'object') return String(e);
  const o = e as { code?: unknown; errCode?: unknown; errMsg?: unknown; message?: unknown };
  return [o.code, o.errCode, o.errMsg, o.message].filter((x) => x !== undefined).join(' ');
}
export const isMissingDoc = (e: unknown) => /document with _id .* does not exist/i.test(errorText(e));
export const isDuplicate = (e: unknown) =>
  /DATABASE_DUPLICATE_WRITE|E11000|duplicate key/i.test(errorText(e));
export const isTxConflict = (e: unknown) =>
  !(e instanceof StoreError) &&
  /DATABASE_TRANSACTION_CONFLICT|TransactionConflict|transaction\s+(is\s+)?conflict|WriteConflict/i.test(errorText(e));

/** Carries the code @cloudbase/database's runTransaction retries on. */
class TxConflictError extends Error {
  readonly code = 'DATABASE_TRANSACTION_CONFLICT';
}

export function writeError(e: unknown, collection: string, id: string): unknown {
  if (isTxConflict(e)) return new TxConflictError(errorText(e));
  if (isDuplicate(e)) return new StoreError('CONFLICT', `duplicate key adding ${id} to ${collection}`);
  return e;
}
