import fc from 'fast-check';
import { z } from 'zod';
import { projectOutput } from '../../server/core/output';

const Row = z.object({
  id: z.string(),
  n: z.number().int(),
  tag: z.enum(['a', 'b']),
  ok: z.boolean(),
  note: z.string().optional(),
  lead: z.object({ name: z.string(), phoneMasked: z.string() }).nullable(),
  kind: z.union([z.literal('x'), z.object({ y: z.number() })]),
  list: z.array(z.string()).default([]),
});
const Reply = z.object({ items: z.array(Row), total: z.number() });

describe('compiled output projection', () => {
  it('keeps only the named fields, at every depth', () => {
    const out = projectOutput(Reply, {
      items: [{ id: '1', n: 2, tag: 'a', ok: true, lead: { name: '张', phoneMasked: '139****0001', phone: '13900000001' }, kind: { y: 1, z: 2 }, secret: 'x' }],
      total: 1,
      openid: 'o',
    });
    expect(out).toEqual({
      ok: true,
      data: { items: [{ id: '1', n: 2, tag: 'a', ok: true, lead: { name: '张', phoneMasked: '139****0001' }, kind: { y: 1 }, list: [] }], total: 1 },
    });
  });

  it('names what does not fit', () => {
    expect(projectOutput(Reply, { items: [{ id: 1 }], total: 1 })).toEqual({ ok: false, error: '.items[0].id: expected a string' });
    expect(projectOutput(Reply, { items: [], total: NaN })).toMatchObject({ ok: false });
    expect(projectOutput(Row, null)).toMatchObject({ ok: false });
  });

  it('agrees with zod on any value zod accepts', () => {
    const row = fc.record({
      id: fc.string(),
      n: fc.integer(),
      tag: fc.constantFrom('a', 'b'),
      ok: fc.boolean(),
      note: fc.option(fc.string(), { nil: undefined }),
      lead: fc.option(fc.record({ name: fc.string(), phoneMasked: fc.string(), extra: fc.string() }), { nil: null }),
      kind: fc.oneof(fc.constant('x'), fc.record({ y: fc.double({ noNaN: true, noDefaultInfinity: true }) })),
      list: fc.option(fc.array(fc.string()), { nil: undefined }),
      junk: fc.anything(),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), fc.integer(), (items, total) => {
        const value = { items, total };
        const byZod = Reply.safeParse(value);
        const ours = projectOutput(Reply, value);
        expect(ours.ok).toBe(byZod.success);
        if (byZod.success && ours.ok) expect(JSON.parse(JSON.stringify(ours.data))).toEqual(JSON.parse(JSON.stringify(byZod.data)));
      }),
      { numRuns: 300 },
    );
  });
});
