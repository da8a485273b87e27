// The wx-server-sdk side of the CloudBase emulator (cloud-emulator.ts): the `db.command`
// values the cloud adapter (cloud.ts) builds, read back into our port's filters and
// patches with CloudBase's meaning (not the port's), and the errors as the SDK raises them.
// - A plain object in where() matches field by field (CloudBase flattens it to dotted
//   paths); `_.eq(object)` compares the whole value.
// - A plain object in update() MERGES into the field (again dotted paths); `_.set(v)`
//   replaces it; `_.remove()` deletes the field; `_.inc(n)` is atomic.
import { isCmd, StoreError, type FieldCmd, type Filter, type Json, type Patch } from './port';

/** A command value made by the emulated `db.command`. */
export type EmuCommand =
  | FieldCmd
  | { $cmd: 'and' | 'or'; args: unknown[] }
  | { $cmd: 'inc'; by: number }
  | { $cmd: 'unset' }
  | { $cmd: 'set'; value: unknown };

export const emuCommand = {
  eq: (value: unknown): EmuCommand => ({ $cmd: 'eq', value: value as Json }),
  neq: (value: unknown): EmuCommand => ({ $cmd: 'neq', value: value as Json }),
  gt: (value: unknown): EmuCommand => ({ $cmd: 'gt', value: value as Json }),
  gte: (value: unknown): EmuCommand => ({ $cmd: 'gte', value: value as Json }),
  lt: (value: unknown): EmuCommand => ({ $cmd: 'lt', value: value as Json }),
  lte: (value: unknown): EmuCommand => ({ $cmd: 'lte', value: value as Json }),
  in: (values: unknown[]): EmuCommand => ({ $cmd: 'in', values: values as Json[] }),
  nin: (values: unknown[]): EmuCommand => ({ $cmd: 'nin', values: values as Json[] }),
  exists: (value: boolean): EmuCommand => ({ $cmd: 'exists', value }),
  and: (...args: unknown[]): EmuCommand => ({ $cmd: 'and', args }),
  or: (...args: unknown[]): EmuCommand => ({ $cmd: 'or', args }),
  set: (value: unknown): EmuCommand => ({ $cmd: 'set', value }),
  inc: (by: number): EmuCommand => ({ $cmd: 'inc', by }),
  remove: (): EmuCommand => ({ $cmd: 'unset' }),
};

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;

const FIELD_CMDS = new Set(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'exists']);
const isFieldCmd = (x: unknown): boolean => isCmd(x) && (FIELD_CMDS.has(x.$cmd) || (x.$cmd === 'and' && 'args' in x && Array.isArray(x.args) && x.args.every(isFieldCmd)));

function fieldCmd(x: EmuCommand): FieldCmd {
  if (x.$cmd === 'and') return { $cmd: 'both', of: (x as { args: EmuCommand[] }).args.map(fieldCmd) };
  return x as FieldCmd;
}

/** Flattens a where() object as CloudBase does: nested plain objects become dotted paths. */
function flattenWhere(obj: Record<string, unknown>, prefix: string, out: Record<string, Json | FieldCmd>): void {
  for (const [k, v] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v === undefined) continue;
    if (isCmd(v)) {
      if (!isFieldCmd(v)) throw new StoreError('INVALID', `unknown command in where() on ${path}`);
      out[path] = fieldCmd(v as EmuCommand);
    } else if (isPlainObject(v)) flattenWhere(v, path, out);
    else out[path] = v as Json;
  }
}

/** A where() condition (an object, or `_.and` / `_.or` of conditions) as a port filter. */
export function filterOf(condition: unknown): Filter {
  if (isCmd(condition)) {
    const c = condition as EmuCommand;
    if (c.$cmd !== 'and' && c.$cmd !== 'or') throw new StoreError('INVALID', 'a where() condition must be an object');
    return { $cmd: c.$cmd, filters: (c as { args: unknown[] }).args.map(filterOf) };
  }
  if (!isPlainObject(condition)) throw new StoreError('INVALID', 'a where() condition must be an object');
  const out: Record<string, Json | FieldCmd> = {};
  flattenWhere(condition, '', out);
  return out;
}

/** An update()'s data as a port patch (the port replaces plain objects; CloudBase merges them). */
export function patchOf(data: Record<string, unknown>, prefix = '', out: Patch = {}): Patch {
  for (const [k, v] of Object.entries(data)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v === undefined) continue;
    if (isCmd(v)) {
      const c = v as EmuCommand;
      if (c.$cmd === 'set') out[path] = clone(c.value);
      else if (c.$cmd === 'inc' || c.$cmd === 'unset') out[path] = c;
      else throw new StoreError('INVALID', `unknown update command on ${path}`);
    } else if (isPlainObject(v) && Object.keys(v).length > 0) patchOf(v, path, out);
    else out[path] = clone(v);
  }
  return out;
}

/** What crosses the wire is JSON: nothing the caller holds is shared with the database. */
export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

// ---- errors, worded as wx-server-sdk reports them (cloud.ts recognises these texts) ----
type SdkError = Error & { errCode: number; errMsg: string };
function sdkError(errCode: number, errMsg: string): SdkError {
  return Object.assign(new Error(errMsg), { errCode, errMsg });
}
export const conflictError = (op: string) =>
  sdkError(-501001, `${op}:fail -501001 resource system error. [ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe there are other transactions operating on the same document.`);
export const missingDocError = (id: string) => sdkError(-1, `document.get:fail document with _id ${id} does not exist`);
export const duplicateError = (collection: string, id: string) =>
  sdkError(-502001, `database request fail | errMsg: [FailedOperation] E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: "${id}" }`);
export const abortedError = () => sdkError(-501001, 'transaction:fail -501001 [ResourceUnavailable.TransactionConflict] transaction has been aborted');
