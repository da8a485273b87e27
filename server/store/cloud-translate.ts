// The cloud adapter's translation (cloud.ts): our port's filters and patches into
// wx-server-sdk's conditions and update data, and the SDK's replies back into documents.
import { randomBytes } from 'node:crypto';
import { isMissingDoc, type Data, type SdkCommand, type SdkDocRef } from './cloud-sdk';
import { splitPath } from './doc-patch';
import { hasId, isCmd, StoreError, type AnyDoc, type Doc, type FieldCmd, type Filter, type LogicCmd, type Patch, type UpdateCmd } from './port';


export function newCloudId(): string {
  return randomBytes(16).toString('hex');
}

const isPlainObject = (x: unknown): x is Data =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;

function fieldCond(_: SdkCommand, field: string, c: FieldCmd): unknown {
  switch (c.$cmd) {
    case 'eq':
    case 'neq':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return _[c.$cmd](c.value);
    case 'in':
    case 'nin':
      if (!Array.isArray(c.values)) throw new StoreError('INVALID', `${c.$cmd} needs an array`);
      return _[c.$cmd](c.values);
    case 'exists':
      return _.exists(c.value);
    case 'both':
      return _.and(...c.of.map((sub) => fieldCond(_, field, sub)));
    default:
      throw new StoreError('INVALID', `unknown filter command on ${field}`);
  }
}

export function toCondition(_: SdkCommand, filter: Filter): unknown {
  if (isCmd(filter)) {
    const logic = filter as LogicCmd;
    if (logic.$cmd !== 'and' && logic.$cmd !== 'or') throw new StoreError('INVALID', 'bad logical command');
    if (logic.filters.length === 0) return logic.$cmd === 'and' ? {} : { _id: _.in([]) };
    return _[logic.$cmd](...logic.filters.map((f) => toCondition(_, f)));
  }
  const out: Data = {};
  for (const [field, cond] of Object.entries(filter)) {
    if (cond === undefined) continue;
    splitPath(field);
    // A plain object in where() matches its fields one by one; _.eq compares the whole value.
    out[field] = isCmd(cond) ? fieldCond(_, field, cond as FieldCmd) : isPlainObject(cond) ? _.eq(cond) : cond;
  }
  return out;
}

export function toUpdate(_: SdkCommand, patch: Patch): Data {
  const data: Data = {};
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (splitPath(field)[0] === '_id') throw new StoreError('INVALID', '_id cannot be changed');
    if (isCmd(value)) {
      const c = value as UpdateCmd;
      if (c.$cmd === 'inc') data[field] = _.inc(c.by);
      else if (c.$cmd === 'unset') data[field] = _.remove();
      else throw new StoreError('INVALID', `unknown update command in ${field}`);
    } else {
      data[field] = isPlainObject(value) ? _.set(value) : value;
    }
  }
  return data;
}

/** A patch that changes any document it applies to: updated = 0 can only mean "no such document". */
export function alwaysChanges(patch: Patch): boolean {
  return Object.values(patch).some((v) => { const c = v as UpdateCmd; return isCmd(v) && c.$cmd === 'inc' && c.by !== 0; });
}

/** The document of a doc().get() reply (the SDK answers with one, a list of one, or null). */
export function docOf(res: { data: Data | Data[] | null } | undefined): AnyDoc | null {
  const data = res?.data;
  const doc = Array.isArray(data) ? data[0] : data;
  if (doc === undefined || doc === null) return null;
  if (!hasId(doc)) throw new StoreError('INVALID', 'the database returned a document without _id');
  return doc;
}

/** A document's fields without `_id` (a set's data: the SDK takes the id from doc(id)). */
export function withoutId(data: { _id?: unknown }): Data {
  const { _id: _ignored, ...rest } = data;
  return rest;
}

export function idFor(data: { _id?: string }): { id: string; rest: Data } {
  const { _id, ...rest } = data;
  const id = _id ?? newCloudId();
  if (typeof id !== 'string' || id === '') throw new StoreError('INVALID', '_id must be a string');
  return { id, rest };
}

export async function readDoc<D extends Doc>(ref: SdkDocRef): Promise<D | null> {
  try {
    return docOf(await ref.get()) as D | null;
  } catch (e) {
    if (isMissingDoc(e)) return null;
    throw e;
  }
}
