// The 管理员's page finishes an import that needs several calls: it calls again until no
// `more`, shows the whole file's report (the first reply), and counts progress over all calls,
// also when a run stopped halfway and the 管理员 pressed again.
import type { Reply } from '../../contracts';
import { importToEnd } from '../../src/components/work/importToEnd';

type R = { summary: { added: number }; more?: { done: number; total: number } };

/** A server that writes `perCall` of `total` nodes a call; its report counts what is left to add. */
function server(total: number, perCall: number, failOnCall?: number) {
  let stored = 0;
  let calls = 0;
  const runOnce = jest.fn(async (): Promise<Reply<R>> => {
    if (++calls === failOnCall) return { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用' } };
    const left = total - stored;
    const done = Math.min(perCall, left);
    stored += done;
    return { ok: true, data: { summary: { added: left }, ...(done < left ? { more: { done, total: left } } : {}) } };
  });
  return { runOnce, stored: () => stored };
}

it('calls until everything is written, reporting progress over the whole file', async () => {
  const s = server(17, 6);
  const seen: string[] = [];
  const started = jest.fn();
  const r = await importToEnd(s.runOnce, { onProgress: (done, total) => seen.push(`${done}/${total}`), onStarted: started });
  expect(s.runOnce).toHaveBeenCalledTimes(3);
  expect(s.stored()).toBe(17);
  expect(seen).toEqual(['6/17', '12/17', '17/17']);
  expect(started).toHaveBeenCalledWith({ summary: { added: 17 }, more: { done: 6, total: 17 } });
  // The report shown is the first one: the whole file, not the last call's remainder.
  expect(r).toEqual({ ok: true, data: { summary: { added: 17 }, more: undefined } });
});

it('makes one call when one is enough', async () => {
  const one = server(5, 6);
  const started = jest.fn();
  expect(await importToEnd(one.runOnce, { onProgress: () => undefined, onStarted: started })).toEqual({ ok: true, data: { summary: { added: 5 } } });
  expect(one.runOnce).toHaveBeenCalledTimes(1);
  expect(started).not.toHaveBeenCalled();
});

it('stops at a failed call; pressed again, it goes on and still reports the whole file', async () => {
  const s = server(17, 6, 2);
  let first: R | undefined;
  const failed = await importToEnd(s.runOnce, { onProgress: () => undefined, onStarted: (f) => (first = f) });
  expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  expect(s.stored()).toBe(6);

  const seen: string[] = [];
  const r = await importToEnd(s.runOnce, { resumeFrom: first, onProgress: (done, total) => seen.push(`${done}/${total}`) });
  expect(s.stored()).toBe(17);
  expect(seen).toEqual(['12/17', '17/17']);
  expect(r).toEqual({ ok: true, data: { summary: { added: 17 }, more: undefined } });

  // The last piece alone (one call finishes it) also reports the whole file.
  const t = server(17, 12, 2);
  let f2: R | undefined;
  await importToEnd(t.runOnce, { onProgress: () => undefined, onStarted: (f) => (f2 = f) });
  expect(await importToEnd(t.runOnce, { resumeFrom: f2, onProgress: () => undefined })).toEqual({ ok: true, data: { summary: { added: 17 }, more: undefined } });
});

it('gives up after a bound, telling the 管理员 that pressing again goes on', async () => {
  const stuck = async (): Promise<Reply<R>> => ({ ok: true, data: { summary: { added: 9 }, more: { done: 0, total: 9 } } });
  expect(await importToEnd(stuck, { onProgress: () => undefined, maxCalls: 4 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('继续') } });
});
