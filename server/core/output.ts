// Replies leave through their contract's output schema: only the fields it names go out
// (no personal data by accident) and every field has the type it declares. zod's own parse
// does this too, but at several µs per object it cost more than the rest of a list call, so
// each output schema is compiled once into a plain function that checks types and copies
// the named fields. Parts it does not know (effects, lazy, tuples …) fall back to zod.
import { z } from 'zod';

export class OutputMismatch extends Error {}

type Project = (value: unknown, path: string) => unknown;

const fail = (path: string, want: string): never => {
  throw new OutputMismatch(`${path || 'reply'}: expected ${want}`);
};

function compile(schema: z.ZodTypeAny): Project {
  const def = schema._def as { typeName: z.ZodFirstPartyTypeKind; [k: string]: unknown };
  switch (def.typeName) {
    case z.ZodFirstPartyTypeKind.ZodObject: {
      const fields = Object.entries((schema as z.AnyZodObject).shape as Record<string, z.ZodTypeAny>).map(
        ([key, s]) => [key, lazy(s)] as const,
      );
      return (v, path) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(path, 'an object');
        const out: Record<string, unknown> = {};
        for (const [key, project] of fields) {
          const value = project((v as Record<string, unknown>)[key], `${path}.${key}`);
          if (value !== undefined) out[key] = value;
        }
        return out;
      };
    }
    case z.ZodFirstPartyTypeKind.ZodArray: {
      const item = lazy(def.type as z.ZodTypeAny);
      return (v, path) => (Array.isArray(v) ? v.map((x, i) => item(x, `${path}[${i}]`)) : fail(path, 'an array'));
    }
    case z.ZodFirstPartyTypeKind.ZodOptional: {
      const inner = lazy(def.innerType as z.ZodTypeAny);
      return (v, path) => (v === undefined ? undefined : inner(v, path));
    }
    case z.ZodFirstPartyTypeKind.ZodNullable: {
      const inner = lazy(def.innerType as z.ZodTypeAny);
      return (v, path) => (v === null ? null : inner(v, path));
    }
    case z.ZodFirstPartyTypeKind.ZodDefault: {
      const inner = lazy(def.innerType as z.ZodTypeAny);
      const value = def.defaultValue as () => unknown;
      return (v, path) => inner(v === undefined ? value() : v, path);
    }
    case z.ZodFirstPartyTypeKind.ZodString:
      return (v, path) => (typeof v === 'string' ? v : fail(path, 'a string'));
    case z.ZodFirstPartyTypeKind.ZodNumber:
      return (v, path) => (typeof v === 'number' && Number.isFinite(v) ? v : fail(path, 'a number'));
    case z.ZodFirstPartyTypeKind.ZodBoolean:
      return (v, path) => (typeof v === 'boolean' ? v : fail(path, 'a boolean'));
    case z.ZodFirstPartyTypeKind.ZodLiteral: {
      const literal = def.value;
      return (v, path) => (v === literal ? v : fail(path, JSON.stringify(literal)));
    }
    case z.ZodFirstPartyTypeKind.ZodEnum: {
      const values = new Set(def.values as string[]);
      return (v, path) => (values.has(v as string) ? v : fail(path, `one of ${[...values].join('|')}`));
    }
    case z.ZodFirstPartyTypeKind.ZodRecord: {
      const value = lazy(def.valueType as z.ZodTypeAny);
      return (v, path) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(path, 'an object');
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) out[k] = value(x, `${path}.${k}`);
        return out;
      };
    }
    case z.ZodFirstPartyTypeKind.ZodUnion:
    case z.ZodFirstPartyTypeKind.ZodDiscriminatedUnion: {
      const options = (def.options as z.ZodTypeAny[] | Map<unknown, z.ZodTypeAny>) instanceof Map
        ? [...(def.options as Map<unknown, z.ZodTypeAny>).values()].map(lazy)
        : (def.options as z.ZodTypeAny[]).map(lazy);
      return (v, path) => {
        for (const option of options) {
          try {
            return option(v, path);
          } catch (e) {
            if (!(e instanceof OutputMismatch)) throw e;
          }
        }
        return fail(path, 'one of the union’s shapes');
      };
    }
    case z.ZodFirstPartyTypeKind.ZodAny:
    case z.ZodFirstPartyTypeKind.ZodUnknown:
      return (v) => v;
    default:
      return (v, path) => {
        const r = schema.safeParse(v);
        return r.success ? r.data : fail(path, r.error.issues[0]?.message ?? 'a valid value');
      };
  }
}

const compiled = new WeakMap<z.ZodTypeAny, Project>();

/** Compiled on first use, so recursive or large schemas cost nothing until they are needed. */
function lazy(schema: z.ZodTypeAny): Project {
  let project: Project | undefined;
  return (v, path) => (project ??= projector(schema))(v, path);
}

function projector(schema: z.ZodTypeAny): Project {
  let p = compiled.get(schema);
  if (!p) {
    p = compile(schema);
    compiled.set(schema, p);
  }
  return p;
}

/** The reply as the contract allows it, or what does not fit. */
export function projectOutput(schema: z.ZodTypeAny, value: unknown): { ok: true; data: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, data: projector(schema)(value, '') };
  } catch (e) {
    if (e instanceof OutputMismatch) return { ok: false, error: e.message };
    throw e;
  }
}
