// Input is plain data. Whatever a call carries (a cloud event, a body the dev server parsed) is
// rebuilt here into fresh objects and arrays before any schema sees it:
// - a key that names or reaches a prototype (`__proto__`, `constructor`, `prototype`) is dropped
//   at every depth, so nothing can arrive through a prototype and no object's prototype changes;
// - nesting deeper than MAX_INPUT_DEPTH is refused (no legitimate call is deeper than a few levels).
// JSON.parse keeps `__proto__` as an own key; copying it with `obj[k] = v` would set the copy's
// prototype. Here nothing is ever assigned under those names.
export const MAX_INPUT_DEPTH = 32;

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const isPrototypeKey = (key: string): boolean => PROTOTYPE_KEYS.has(key);

export type PlainResult = { ok: true; value: unknown } | { ok: false; reason: 'TOO_DEEP' };

class TooDeep extends Error {}

function copy(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_INPUT_DEPTH) throw new TooDeep();
  if (Array.isArray(value)) return value.map((v) => copy(v, depth + 1));
  const proto = Object.getPrototypeOf(value);
  // Only plain objects come from JSON; anything else (in-process callers) goes to the schema as is.
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_KEYS.has(key)) continue;
    out[key] = copy((value as Record<string, unknown>)[key], depth + 1);
  }
  return out;
}

/** A prototype-free deep copy of `value`, or TOO_DEEP. */
export function plainInput(value: unknown): PlainResult {
  try {
    return { ok: true, value: copy(value, 0) };
  } catch (e) {
    if (e instanceof TooDeep) return { ok: false, reason: 'TOO_DEEP' };
    throw e;
  }
}
