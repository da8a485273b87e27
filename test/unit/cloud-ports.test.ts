// The cloud adapters of checker, notifier and QR maker, with cloud.openapi replaced by a
// hand-written fake. The real SDK is never loaded here.
import { AppError } from '../../server/core/errors';
import { cloudChecker, cloudNotifier, cloudPhones, cloudPorts, cloudQr, type OpenApi } from '../../server/runtime/cloud-ports';
import { localPhones } from '../../server/runtime/local-ports';
import { CloudStore } from '../../server/store/cloud';
import { openSqliteStore } from '../../server/store/sqlite';

/** A WeChat open-API failure as wx-server-sdk raises it. */
const wxError = (errCode: number, errMsg: string) => Object.assign(new Error(errMsg), { errCode, errMsg });

function fakeApi(overrides: { msgSecCheck?: jest.Mock; send?: jest.Mock; getUnlimited?: jest.Mock; getPhoneNumber?: jest.Mock } = {}) {
  const msgSecCheck = overrides.msgSecCheck ?? jest.fn(async () => ({ result: { suggest: 'pass', label: 100 } }));
  const send = overrides.send ?? jest.fn(async () => ({ errCode: 0 }));
  const getUnlimited =
    overrides.getUnlimited ?? jest.fn(async () => ({ contentType: 'image/png', buffer: Buffer.from('PNG') }));
  const getPhoneNumber =
    overrides.getPhoneNumber ?? jest.fn(async () => ({ errCode: 0, phoneInfo: { phoneNumber: '13800001234', purePhoneNumber: '13800001234', countryCode: '86' } }));
  const api: OpenApi = { security: { msgSecCheck }, subscribeMessage: { send }, wxacode: { getUnlimited }, phonenumber: { getPhoneNumber } };
  return { api, msgSecCheck, send, getUnlimited, getPhoneNumber };
}

describe('checker: security.msgSecCheck v2', () => {
  test('calls v2 with openid, scene and content', async () => {
    const { api, msgSecCheck } = fakeApi();
    await expect(cloudChecker(api).checkText('你好邻居', { openid: 'o1', scene: 2 })).resolves.toEqual({ ok: true });
    expect(msgSecCheck).toHaveBeenCalledWith({ openid: 'o1', scene: 2, version: 2, content: '你好邻居' });
  });

  test('risky is rejected with the label in Chinese; pass and review are accepted', async () => {
    const verdict = (suggest: string, label: number) =>
      cloudChecker(fakeApi({ msgSecCheck: jest.fn(async () => ({ result: { suggest, label } })) }).api).checkText('x', {
        openid: 'o1',
        scene: 1,
      });
    await expect(verdict('risky', 20003)).resolves.toEqual({ ok: false, label: '辱骂' });
    await expect(verdict('risky', 10001)).resolves.toEqual({ ok: false, label: '广告' });
    await expect(verdict('risky', 20006)).resolves.toEqual({ ok: false, label: '违法犯罪' });
    await expect(verdict('risky', 99999)).resolves.toEqual({ ok: false, label: '其他' });
    await expect(verdict('pass', 100)).resolves.toEqual({ ok: true });
    await expect(verdict('review', 20001)).resolves.toEqual({ ok: true });
  });

  test('fails closed: an API failure or an answer without a verdict is AppError INTERNAL', async () => {
    const log = jest.fn();
    const failing = fakeApi({ msgSecCheck: jest.fn(async () => Promise.reject(wxError(-1, 'system error'))) });
    const e = await cloudChecker(failing.api, log).checkText('x', { openid: 'o1', scene: 1 }).catch((x) => x);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'INTERNAL', message: '内容安全检查暂时不可用，请稍后再试' });
    expect(log).toHaveBeenCalled();

    const odd = fakeApi({ msgSecCheck: jest.fn(async () => ({ errCode: 0 })) });
    await expect(cloudChecker(odd.api, log).checkText('x', { openid: 'o1', scene: 1 })).rejects.toMatchObject({
      code: 'INTERNAL',
    });
  });

  test('empty text needs no call', async () => {
    const { api, msgSecCheck } = fakeApi();
    await expect(cloudChecker(api).checkText('  ', { openid: 'o1', scene: 1 })).resolves.toEqual({ ok: true });
    expect(msgSecCheck).not.toHaveBeenCalled();
  });
});

describe('notifier: subscribeMessage.send', () => {
  const message = { touser: 'o1', templateId: 'T1', page: 'pages/x/index', data: { thing1: { value: '已处理' } } };
  const store = () => openSqliteStore(':memory:');

  test('sends the formal version', async () => {
    const { api, send } = fakeApi();
    await expect(cloudNotifier(api, store()).send(message)).resolves.toEqual({ sent: true });
    expect(send).toHaveBeenCalledWith({ ...message, miniprogramState: 'formal' });
  });

  test('sends the version the caller runs: trial → trial, develop → developer', async () => {
    const { api, send } = fakeApi();
    await cloudNotifier(api, store(), { state: 'trial' }).send(message);
    expect(send).toHaveBeenLastCalledWith({ ...message, miniprogramState: 'trial' });
    const byVersion = cloudPorts({ database: jest.fn(() => ({})), openapi: api, uploadFile: jest.fn(), downloadFile: jest.fn(), getTempFileURL: jest.fn() });
    expect(byVersion('trial')).toBe(byVersion('trial')); // one set per version, made once
    expect(byVersion('develop').notifier).not.toBe(byVersion('release').notifier);
  });

  test('43101 (not subscribed) and other errors are logged, never thrown, and recorded and counted', async () => {
    const cases: [Error, string][] = [
      [wxError(43101, 'user refuse to accept the msg'), 'not-subscribed'],
      [wxError(47003, 'argument invalid'), 'refused'],
      [new Error('x'), 'error'],
    ];
    const s = store();
    for (const [i, [err, reason]] of cases.entries()) {
      const log = jest.fn();
      const { api } = fakeApi({ send: jest.fn(async () => Promise.reject(err)) });
      await expect(cloudNotifier(api, s, { log, now: () => Date.UTC(2026, 11, 6, 20) + i }).send(message)).resolves.toEqual({ sent: false, reason });
      expect(log).toHaveBeenCalledTimes(1);
    }
    const failures = await s.collection('notifyFailures').orderBy('at', 'asc').orderBy('_id', 'asc').get();
    expect(failures.map((f) => [f.reason, f.errCode ?? null, f.touser, f.templateId])).toEqual([
      ['not-subscribed', 43101, 'o1', 'T1'],
      ['refused', 47003, 'o1', 'T1'],
      ['error', null, 'o1', 'T1'],
    ]);
    // 20:00 UTC on 6 December is 04:00 on 7 December in Beijing.
    expect(await s.collection('notifyStats').doc('20261207').get()).toMatchObject({ failed: 3, 'not-subscribed': 1, refused: 1, error: 1 });
  });

  test('a field breaking WeChat\'s rules, or no template id, is recorded without calling WeChat', async () => {
    const { api, send } = fakeApi();
    const s = store();
    const notifier = cloudNotifier(api, s, { log: jest.fn() });
    await expect(notifier.send({ ...message, data: { phrase1: { value: 'OK了' } } })).resolves.toEqual({ sent: false, reason: 'invalid-field' });
    await expect(notifier.send({ ...message, data: { thing1: { value: '一'.repeat(21) } } })).resolves.toEqual({ sent: false, reason: 'invalid-field' });
    await expect(notifier.send({ ...message, templateId: '' })).resolves.toEqual({ sent: false, reason: 'no-template' });
    expect(send).not.toHaveBeenCalled();
    expect(await s.collection('notifyFailures').count()).toBe(3);
  });
});

describe('phones: phonenumber.getPhoneNumber', () => {
  test('passes the code and answers the pure number with its country code', async () => {
    const { api, getPhoneNumber } = fakeApi();
    await expect(cloudPhones(api).numberOf('0a1b2c3d4e5f')).resolves.toEqual({ phone: '13800001234', countryCode: '86' });
    expect(getPhoneNumber).toHaveBeenCalledWith({ code: '0a1b2c3d4e5f' });
  });

  test('a spent or invalid code asks for another tap; any other failure is logged and reported as unavailable', async () => {
    const spent = fakeApi({ getPhoneNumber: jest.fn(async () => Promise.reject(wxError(40029, 'invalid code'))) }).api;
    await expect(cloudPhones(spent).numberOf('x')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('重新点') });
    const log = jest.fn();
    const broken = fakeApi({ getPhoneNumber: jest.fn(async () => Promise.reject(wxError(-604101, 'no permission'))) }).api;
    await expect(cloudPhones(broken, log).numberOf('x')).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(log).toHaveBeenCalledWith('phonenumber.getPhoneNumber failed', expect.anything());
    const empty = fakeApi({ getPhoneNumber: jest.fn(async () => ({})) }).api;
    await expect(cloudPhones(empty, () => undefined).numberOf('x')).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  test('the local stand-in reads dev-phone codes once, and nothing else', async () => {
    const phones = localPhones();
    await expect(phones.numberOf('dev-phone:13900005555:abcdef12')).resolves.toEqual({ phone: '13900005555', countryCode: '86' });
    await expect(phones.numberOf('dev-phone:13900005555:abcdef12')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    for (const code of ['13900005555', 'dev-phone:1390000555:abcdef12', 'dev-phone:13900005555:', 'dev-phone:23900005555:abcdef12']) {
      await expect(phones.numberOf(code)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
  });
});

describe('qr: wxacode.getUnlimited', () => {
  test('returns the image buffer as a Buffer; release version, no path check', async () => {
    const { api, getUnlimited } = fakeApi({
      getUnlimited: jest.fn(async () => ({ contentType: 'image/png', buffer: new Uint8Array([137, 80, 78, 71]) })),
    });
    const png = await cloudQr(api).make({ scene: 'c=U123', page: '/pages/card/index', width: 430 });
    expect(Buffer.isBuffer(png)).toBe(true);
    expect([...png]).toEqual([137, 80, 78, 71]);
    expect(getUnlimited).toHaveBeenCalledWith({
      scene: 'c=U123',
      page: 'pages/card/index',
      width: 430,
      checkPath: false,
      envVersion: 'release',
    });
  });

  test('a trial caller gets a trial code', async () => {
    const { api, getUnlimited } = fakeApi();
    await cloudQr(api, 'trial').make({ scene: 'u1', page: 'scan/index' });
    expect(getUnlimited).toHaveBeenCalledWith(expect.objectContaining({ envVersion: 'trial' }));
  });

  test('scene is validated first: ≤ 32 characters of the allowed set', async () => {
    const { api, getUnlimited } = fakeApi();
    const qr = cloudQr(api);
    await expect(qr.make({ scene: "a-Z_0.9~!#$&'()*+,/:;=?@", page: 'p/i' })).resolves.toBeInstanceOf(Buffer);
    await expect(qr.make({ scene: 'x'.repeat(32), page: 'p/i' })).resolves.toBeInstanceOf(Buffer);
    for (const scene of ['x'.repeat(33), '', '邻长', 'a b', 'a%20b', 'a"b']) {
      await expect(qr.make({ scene, page: 'p/i' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect(getUnlimited).toHaveBeenCalledTimes(2);
  });

  test('a page with parameters or a bad width is refused', async () => {
    const { api } = fakeApi();
    await expect(cloudQr(api).make({ scene: 'a', page: 'p/i?x=1' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(cloudQr(api).make({ scene: 'a', page: 'p/i', width: 100 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  test('45009 (minute quota) is RATE_LIMITED', async () => {
    const { api } = fakeApi({ getUnlimited: jest.fn(async () => Promise.reject(wxError(45009, 'reach max api minute'))) });
    await expect(cloudQr(api).make({ scene: 'a', page: 'p/i' })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});

describe('cloudPorts', () => {
  test('builds every port over the given SDK; database made with throwOnNotFound: false', () => {
    const db = { command: {}, collection: jest.fn(), runTransaction: jest.fn() };
    const database = jest.fn(() => db);
    const files = { uploadFile: jest.fn(), downloadFile: jest.fn(), getTempFileURL: jest.fn() };
    const ports = cloudPorts({ database, openapi: fakeApi().api, ...files })();
    expect(database).toHaveBeenCalledWith({ throwOnNotFound: false });
    expect(ports.store).toBeInstanceOf(CloudStore);
    expect((ports.store as CloudStore).db).toBe(db);
    const before = Date.now();
    expect(ports.clock.now()).toBeGreaterThanOrEqual(before);
    expect(typeof ports.checker.checkText).toBe('function');
    expect(typeof ports.notifier.send).toBe('function');
    expect(typeof ports.qr.make).toBe('function');
    expect(typeof ports.files.put).toBe('function');
  });

  test('files: upload, download and a temporary URL through cloud storage', async () => {
    const sdk = {
      database: jest.fn(() => ({})),
      openapi: fakeApi().api,
      uploadFile: jest.fn(async () => ({ fileID: 'cloud://env/cards/g1.pdf' })),
      downloadFile: jest.fn(async () => ({ fileContent: Buffer.from('pdf') })),
      getTempFileURL: jest.fn(async () => ({ fileList: [{ fileID: 'x', tempFileURL: 'https://tmp/x' }] })),
    };
    const { files } = cloudPorts(sdk)();
    expect(await files.put('cards/g1.pdf', Buffer.from('pdf'), 'application/pdf')).toBe('cloud://env/cards/g1.pdf');
    expect(sdk.uploadFile).toHaveBeenCalledWith({ cloudPath: 'cards/g1.pdf', fileContent: Buffer.from('pdf') });
    expect((await files.get('cloud://env/cards/g1.pdf')).toString()).toBe('pdf');
    await expect(files.get('local:../etc/passwd')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await files.url('cloud://env/cards/g1.pdf')).toBe('https://tmp/x');
  });
});
