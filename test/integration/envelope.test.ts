// Malformed calls of every kind get INVALID_INPUT with a Chinese message, and write nothing.
import fc from 'fast-check';
import { z } from 'zod';
import { FUNCTIONS } from '../../contracts';
import { action } from '../../contracts/action';
import { ANYONE } from '../../contracts/roles';
import { defineFunction, dispatch } from '../../server/core/router';
import { demoRuntime } from './runtime';

const CHINESE = /[\u4e00-\u9fa5]/;
const functionNames = Object.keys(FUNCTIONS);
const actionNames = new Set(Object.values(FUNCTIONS).flatMap((c) => Object.keys(c)));

describe('call envelope', () => {
  const runtime = demoRuntime();
  afterAll(() => runtime.close());

  const expectInvalid = (reply: unknown) => {
    expect(reply).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(CHINESE) } });
  };

  it.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'whoami'],
    ['an array', [{ action: 'whoami' }]],
    ['no action', {}],
    ['a non-string action', { action: 7 }],
    ['an unknown action', { action: 'dropDatabase' }],
    ['an inherited name as action', { action: 'constructor' }],
    ['__proto__ as action', JSON.parse('{"action":"__proto__"}')],
  ])('refuses %s', async (_label, event) => {
    expectInvalid(await runtime.call('account', event, 'demo-admin'));
  });

  it('refuses an unknown function', async () => {
    expectInvalid(await runtime.call('nope', { action: 'ping' }, null));
    expectInvalid(await runtime.call('__proto__', { action: 'ping' }, null));
  });

  it('answers any generated event with an envelope and writes nothing unless the call is valid', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...functionNames),
        fc.oneof(
          fc.jsonValue(),
          fc.record({ action: fc.oneof(fc.constantFrom(...actionNames), fc.string()), x: fc.jsonValue() }),
          fc.dictionary(fc.string(), fc.jsonValue()),
        ),
        fc.constantFrom(null, 'demo-resident', 'demo-admin'),
        async (fn, event, openid) => {
          const before = runtime.store.stats().writes;
          const reply = await runtime.call(fn, event, openid);
          expect(typeof reply.ok).toBe('boolean');
          if (!reply.ok) {
            expect(reply.error.message).toMatch(CHINESE);
            expect(reply.error.code).not.toBe('INTERNAL');
          }
          if (!reply.ok && reply.error.code === 'INVALID_INPUT') expect(runtime.store.stats().writes).toBe(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  describe('a handler that breaks its own rules', () => {
    const contract = {
      boom: action({ summary: 'throws', input: z.object({}), output: z.object({}), roles: ANYONE }),
      leaky: action({ summary: 'bad output', input: z.object({}), output: z.object({ n: z.number() }), roles: ANYONE }),
      masked: action({ summary: 'extra fields', input: z.object({}), output: z.object({ name: z.string() }), roles: ANYONE }),
    };
    const fn = defineFunction('test', contract, {
      boom: async () => {
        throw new Error('secret stack detail');
      },
      leaky: async () => ({ n: 'not a number' }) as unknown as { n: number },
      masked: async () => ({ name: '张三', phone: '13900000001' }),
    });
    const logged: string[] = [];
    const call = (a: string) => dispatch(fn, { action: a }, runtime.ports, { openid: null }, (m) => logged.push(m));

    it('turns an unexpected error into INTERNAL without details', async () => {
      const reply = await call('boom');
      expect(reply).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(CHINESE) } });
      expect(JSON.stringify(reply)).not.toContain('secret');
      expect(logged.join()).toContain('test.boom');
    });

    it('refuses output outside the contract', async () => {
      expect(await call('leaky')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    });

    it('strips fields the contract does not name (no accidental personal data)', async () => {
      expect(await call('masked')).toEqual({ ok: true, data: { name: '张三' } });
    });
  });
});

describe('Chinese messages for bad input', () => {
  const runtime = demoRuntime();
  afterAll(() => runtime.close());

  it('keeps a schema’s own Chinese message and names fields in Chinese', async () => {
    expect(await runtime.call('account', { action: 'claim', code: '12ab' }, 'someone')).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '绑定码是8位数字' },
    });
    const long = await runtime.call('register', { action: 'apply', unitId: 'u1', name: '张三', phone: '13900001111', story: '好'.repeat(501) }, 'someone');
    expect(long).toMatchObject({ error: { message: '介绍最多500个字' } });
  });
});

describe('refusals that say why', () => {
  const runtime = demoRuntime();
  afterAll(() => runtime.close());

  it('tells a resident that perks are for the 三长', async () => {
    expect(await runtime.call('perk', { action: 'list' }, 'demo-resident')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '专属优惠仅限三长（邻长、组长、片长）使用' },
    });
  });
});
