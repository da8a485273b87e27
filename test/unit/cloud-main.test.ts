// cloudMain with wx-server-sdk replaced by a hand-written fake: the identity is the one
// getWXContext gives, never anything in the event. The real SDK is never loaded here.
import { z } from 'zod';
import { action } from '../../contracts/action';
import { defineFunction } from '../../server/core/router';
import { cloudMain, cloudTimerMain, type WxServerSdk } from '../../server/runtime/cloud';

const ENV = Symbol('current env');

function fakeSdk(openid: string | undefined) {
  const users = new Map<string, Record<string, unknown>>();
  const database = jest.fn(() => ({
    command: {},
    collection: () => ({
      doc: (id: string) => ({ get: async () => ({ data: users.get(id) ?? null }) }),
    }),
    runTransaction: jest.fn(),
  }));
  const sdk = {
    DYNAMIC_CURRENT_ENV: ENV,
    init: jest.fn(),
    database,
    openapi: {},
    uploadFile: jest.fn(),
    downloadFile: jest.fn(),
    getTempFileURL: jest.fn(),
    getWXContext: jest.fn(() => ({ OPENID: openid, APPID: 'wx123' })),
  } satisfies WxServerSdk;
  return { sdk, users };
}

const whoami = defineFunction(
  'probe',
  {
    whoami: action({
      summary: 'who is calling',
      input: z.object({ note: z.string().optional() }),
      output: z.object({ openid: z.string().nullable() }),
      roles: ['anonymous', 'resident'],
    }),
    mine: action({
      summary: 'signed-in callers only',
      input: z.object({}),
      output: z.object({ openid: z.string() }),
      roles: ['resident'],
    }),
  },
  {
    whoami: async (ctx) => ({ openid: ctx.caller.openid }),
    mine: async (ctx) => ({ openid: ctx.openid() }),
  },
);

test('init once with the dynamic current env; ports built once per container', async () => {
  const { sdk } = fakeSdk('o-real');
  const main = cloudMain(whoami, sdk);
  expect(sdk.init).not.toHaveBeenCalled();
  await main({ action: 'whoami' }, {});
  await main({ action: 'whoami' }, {});
  expect(sdk.init).toHaveBeenCalledTimes(1);
  expect(sdk.init).toHaveBeenCalledWith({ env: ENV });
  expect(sdk.database).toHaveBeenCalledTimes(1);
});

test('the caller is getWXContext().OPENID', async () => {
  const { sdk } = fakeSdk('o-real');
  await expect(cloudMain(whoami, sdk)({ action: 'whoami' })).resolves.toEqual({ ok: true, data: { openid: 'o-real' } });
});

test('an event naming another openid (userInfo or body) changes nothing', async () => {
  const { sdk } = fakeSdk('o-real');
  const main = cloudMain(whoami, sdk);
  const forged = {
    action: 'whoami',
    openid: 'o-victim',
    OPENID: 'o-victim',
    userInfo: { openId: 'o-victim', appId: 'wx123' },
  };
  await expect(main(forged)).resolves.toEqual({ ok: true, data: { openid: 'o-real' } });
  await expect(main({ ...forged, action: 'mine' })).resolves.toEqual({ ok: true, data: { openid: 'o-real' } });
});

test('without an OPENID the caller is anonymous, whatever the event says', async () => {
  const { sdk } = fakeSdk(undefined);
  const main = cloudMain(whoami, sdk);
  await expect(main({ action: 'whoami', userInfo: { openId: 'o-victim' } })).resolves.toEqual({
    ok: true,
    data: { openid: null },
  });
  const reply = await main({ action: 'mine', openid: 'o-victim', userInfo: { openId: 'o-victim' } });
  expect(reply).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});

test('the envelope comes from dispatch: unknown actions are INVALID_INPUT', async () => {
  const { sdk } = fakeSdk('o-real');
  await expect(cloudMain(whoami, sdk)({ action: 'nope' })).resolves.toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
});

test('a runtime that cannot start answers INTERNAL instead of throwing', async () => {
  const { sdk } = fakeSdk('o-real');
  sdk.init.mockImplementation(() => {
    throw new Error('no env');
  });
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  await expect(cloudMain(whoami, sdk)({ action: 'whoami' })).resolves.toMatchObject({
    ok: false,
    error: { code: 'INTERNAL' },
  });
  spy.mockRestore();
});

describe('a timer-run function (cloudTimerMain)', () => {
  const timerEvent = { Type: 'Timer', TriggerName: 'dailyPurge', Time: '2026-11-26T03:00:00+08:00' };

  test('runs its job on its timer, with no user calling', async () => {
    const { sdk } = fakeSdk(undefined);
    const job = jest.fn(async () => ({ removed: 3 }));
    await expect(cloudTimerMain('maintenance', job, sdk)(timerEvent)).resolves.toEqual({ ok: true, data: { removed: 3 } });
    expect(job).toHaveBeenCalledTimes(1);
  });

  test('refuses a user, even one who sends an event that looks like the timer', async () => {
    const { sdk } = fakeSdk('o-user');
    const job = jest.fn(async () => ({}));
    await expect(cloudTimerMain('maintenance', job, sdk)(timerEvent)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const noUser = fakeSdk(undefined).sdk;
    await expect(cloudTimerMain('maintenance', job, noUser)({ action: 'purge' })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(job).not.toHaveBeenCalled();
  });
});

describe('the caller\'s mini program version (envVersion, sent by src/api/client.ts)', () => {
  const notify = defineFunction(
    'probe',
    {
      ping: action({ summary: 'notifies the caller', input: z.object({}).strict(), output: z.object({ sent: z.boolean() }), roles: ['resident'] }),
    },
    {
      ping: async (ctx) => ({
        sent: (await ctx.notifier.send({ touser: ctx.openid(), templateId: 'T1', data: { thing1: { value: '已处理' } } })).sent,
      }),
    },
  );

  test('picks the version messages open, is no input, and reads as release when missing or odd', async () => {
    const send = jest.fn(async () => ({ errCode: 0 }));
    const { sdk } = fakeSdk('o-real');
    const main = cloudMain(notify, { ...sdk, openapi: { subscribeMessage: { send } } });
    for (const [envVersion, state] of [['trial', 'trial'], ['develop', 'developer'], ['release', 'formal'], [undefined, 'formal'], ['admin', 'formal']]) {
      // The input schema is strict: envVersion reaching it would be INVALID_INPUT.
      await expect(main({ action: 'ping', ...(envVersion ? { envVersion } : {}) })).resolves.toEqual({ ok: true, data: { sent: true } });
      expect(send).toHaveBeenLastCalledWith(expect.objectContaining({ touser: 'o-real', miniprogramState: state }));
    }
  });
});
