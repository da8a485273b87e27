// Replies leave through their contract's output schema: only the fields it names go out
// (no personal data by accident) and every field has the type it declares. zod's own parse
// does this too, but at several µs per object it cost more than the rest of a list call, so
// each output schema is compiled once into a plain function that checks types and copies
// the named fields. Parts it does not know (effects, lazy, tuples …) fall back to zod.
import { z } from 'zod';

/** Where in the reply (built while unwinding, so a reply that fits builds no path strings). */
export class OutputMismatch extends Error {
  constructor(
    readonly want: string,
    readonly path: string[] = [],
  ) {
    super(want);
  }
  at(segment: string): OutputMismatch {
    this.path.unshift(segment);
    return this;
  }
}

type Project = (value: unknown) => unknown;

const fail = (want: string): never => {
  throw new OutputMismatch(`expected ${want}`);
};

/** Runs `f`, naming `segment` in the path of a mismatch found inside it. */
function inside<T>(segment: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw e instanceof OutputMismatch ? e.at(segment) : e;
  }
}

function compile(schema: z.ZodTypeAny): Project {
  const def = schema._def as { typeName: z.ZodFirstPartyTypeKind; [k: string]: unknown };
  switch (def.typeName) {
    case z.ZodFirstPartyTypeKind.ZodObject: {
      const fields = Object.entries((schema as z.AnyZodObject).shape as Record<string, z.ZodTypeAny>).map(
        ([key, s]) => [key, lazy(s)] as const,
      );
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail('an object');
        const out: Record<string, unknown> = {};
        let key = '';
        try {
          for (const [k, project] of fields) {
            key = k;
            const value = project((v as Record<string, unknown>)[k]);
            if (value !== undefined) out[k] = value;
          }
        } catch (e) {
          throw e instanceof OutputMismatch ? e.at(`.${key}`) : e;
        }
        return out;
      };
    }
    case z.ZodFirstPartyTypeKind.ZodArray: {
      const item = lazy(def.type as z.ZodTypeAny);
      return (v) => {
        if (!Array.isArray(v)) return fail('an array');
        const out = new Array<unknown>(v.length);
        let i = 0;
        try {
          for (; i < v.length; i++) out[i] = item(v[i]);
        } catch (e) {
          throw e instanceof OutputMismatch ? e.at(`[${i}]`) : e;
        }
        return out;
      };
    }
    case z.ZodFirstPartyTypeKind.ZodOptional: {
      const inner = lazy(def.innerType as z.ZodTypeAny);
      return (v) => (v === undefined ? undefined : inner(v));
    }
    case z.ZodFirstPartyTypeKind.ZodNullable: {
      const inner = lazy(def.innerType as z.ZodTypeAny);
      return (v) => (v === null ? null : inner(v));
    }
    case z.ZodFirstPartyTypeKind.ZodDefault: {
      const inner = lazy(def.innerType as z.ZodTypeAny);
      const value = def.defaultValue as () => unknown;
      return (v) => inner(v === undefined ? value() : v);
    }
    case z.ZodFirstPartyTypeKind.ZodString:
      return (v) => (typeof v === 'string' ? v : fail('a string'));
    case z.ZodFirstPartyTypeKind.ZodNumber:
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? v : fail('a number'));
    case z.ZodFirstPartyTypeKind.ZodBoolean:
      return (v) => (typeof v === 'boolean' ? v : fail('a boolean'));
    case z.ZodFirstPartyTypeKind.ZodLiteral: {
      const literal = def.value;
      return (v) => (v === literal ? v : fail(JSON.stringify(literal)));
    }
    case z.ZodFirstPartyTypeKind.ZodEnum: {
      const values = new Set(def.values as string[]);
      return (v) => (values.has(v as string) ? v : fail(`one of ${[...values].join('|')}`));
    }
    case z.ZodFirstPartyTypeKind.ZodRecord: {
      const value = lazy(def.valueType as z.ZodTypeAny);
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail('an object');
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) out[k] = inside(`.${k}`, () => value(x));
        return out;
      };
    }
    case z.ZodFirstPartyTypeKind.ZodUnion:
    case z.ZodFirstPartyTypeKind.ZodDiscriminatedUnion: {
      const options = (def.options as z.ZodTypeAny[] | Map<unknown, z.ZodTypeAny>) instanceof Map
        ? [...(def.options as Map<unknown, z.ZodTypeAny>).values()].map(lazy)
        : (def.options as z.ZodTypeAny[]).map(lazy);
      return (v) => {
        for (const option of options) {
          try {
            return option(v);
          } catch (e) {
            if (!(e instanceof OutputMismatch)) throw e;
          }
        }
        return fail('one of the union’s shapes');
      };
    }
    case z.ZodFirstPartyTypeKind.ZodAny:
    case z.ZodFirstPartyTypeKind.ZodUnknown:
      return (v) => v;
    default:
      return (v) => {
        const r = schema.safeParse(v);
        return r.success ? r.data : fail(r.error.issues[0]?.message ?? 'a valid value');
      };
  }
}

const compiled = new WeakMap<z.ZodTypeAny, Project>();

/** Compiled on first use, so recursive or large schemas cost nothing until they are needed. */
function lazy(schema: z.ZodTypeAny): Project {
  let project: Project | undefined;
  return (v) => (project ??= projector(schema))(v);
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
    return { ok: true, data: projector(schema)(value) };
  } catch (e) {
    if (e instanceof OutputMismatch) return { ok: false, error: `${e.path.join('') || 'reply'}: ${e.want}` };
    throw e;
  }
}
