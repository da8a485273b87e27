// Field paths and patches applied to plain documents (used by the local store, and by
// the local transaction to compute a document's state before commit).
import { isCmd, StoreError, type Patch, type UpdateCmd } from './port';

const SEGMENT = /^(?:[A-Za-z_$][A-Za-z0-9_$]*|\d+)$/;

const PATHS = new Map<string, string[]>();

/** A dotted field path as its segments (checked once per distinct path, then remembered). */
export function splitPath(field: string): string[] {
  const known = PATHS.get(field);
  if (known) return known;
  const parts = field.split('.');
  if (parts.length === 0 || parts.some((p) => !SEGMENT.test(p))) {
    throw new StoreError('INVALID', `bad field path: ${JSON.stringify(field)}`);
  }
  if (PATHS.size < 10_000) PATHS.set(field, parts);
  return parts;
}

/**
 * Sets a (possibly nested) field on a plain object, creating the objects on the way: a write
 * by a path known at run time, so it takes any object (a typed document being built, say).
 */
export function setPath(target: object, field: string, value: unknown): void {
  const parts = splitPath(field);
  let parent = target as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) {
    if (typeof parent[part] !== 'object' || parent[part] === null) parent[part] = {};
    parent = parent[part] as Record<string, unknown>;
  }
  parent[parts[parts.length - 1]] = value;
}

export function getPath(doc: unknown, field: string): unknown {
  let cur: unknown = doc;
  for (const part of splitPath(field)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

const primitive = (v: unknown) => v === null || typeof v !== 'object';
/** A value JSON keeps as it is (undefined, NaN and ±Infinity it does not). */
const plain = (v: unknown) => v !== undefined && (typeof v !== 'number' || Number.isFinite(v)) && primitive(v);

/** A caller's value, copied so the stored document never shares an object with the caller. */
function copyValue<T>(value: T): T {
  if (primitive(value)) return value;
  // Flat arrays and objects (a list of ids, a counter's fields) are copied in one step.
  if (Array.isArray(value)) {
    if (value.every(plain)) return value.slice() as T;
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    const flat = Object.values(value as object);
    if (flat.every(plain)) return { ...(value as object) } as T;
  }
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A shallow copy of an object or array. */
function shallow(value: Record<string, unknown>): Record<string, unknown> {
  return (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
}

/**
 * A patch's field value replaces that field (objects are not merged); cmd.inc adds; cmd.unset
 * removes. Copy on write: only the objects on a patched path are copied, the rest is shared
 * with `doc` (the local store's documents are frozen, so sharing is safe).
 */
export function applyPatch<T extends Record<string, unknown>>(doc: T, patch: Patch): T {
  const out = { ...doc } as Record<string, unknown>;
  /** Objects of `out` already copied (so a second field under the same parent copies nothing). */
  const own = new Set<object>([out]);
  for (const field in patch) {
    const value = patch[field];
    if (value === undefined) continue;
    const parts = splitPath(field);
    if (parts[0] === '_id') throw new StoreError('INVALID', '_id cannot be changed');
    let parent = out;
    for (let i = 0; i < parts.length - 1; i++) {
      const part = parts[i];
      const next = parent[part];
      let child: Record<string, unknown>;
      if (next === null || typeof next !== 'object') child = {};
      else if (own.has(next)) child = next as Record<string, unknown>;
      else child = shallow(next as Record<string, unknown>);
      if (child !== next) {
        parent[part] = child;
        own.add(child);
      }
      parent = child;
    }
    const leaf = parts[parts.length - 1];
    if (isCmd(value)) {
      const c = value as UpdateCmd;
      if (c.$cmd === 'inc') {
        const cur = parent[leaf];
        if (cur !== undefined && typeof cur !== 'number') {
          throw new StoreError('INVALID', `cannot increment non-number field ${field}`);
        }
        parent[leaf] = (cur ?? 0) + c.by;
      } else if (c.$cmd === 'unset') {
        delete parent[leaf];
      } else {
        throw new StoreError('INVALID', `unknown update command in ${field}`);
      }
    } else {
      parent[leaf] = copyValue(value);
    }
  }
  return out as T;
}
