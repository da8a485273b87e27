// The 管理员's page finishes an import that needs several calls: it calls again until no
// `more`, shows the whole file's report (the first reply), and counts progress over all calls.
import type { Reply } from '../../contracts';
import { importToEnd } from '../../src/components/work/importToEnd';

type R = { summary: { added: number }; more?: { done: number; total: number } };

/** A server that writes `perCall` of `total` nodes a call; its report counts what is left to add. */
function server(total: number, perCall: number) {
  let stored = 0;
  const runOnce = jest.fn(async (): Promise<Reply<R>> => {
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
  const r = await importToEnd(s.runOnce, (done, total) => seen.push(`${done}/${total}`));
  expect(s.runOnce).toHaveBeenCalledTimes(3);
  expect(s.stored()).toBe(17);
  expect(seen).toEqual(['6/17', '12/17', '17/17']);
  // The report shown is the first one: the whole file, not the last call's remainder.
  expect(r).toEqual({ ok: true, data: { summary: { added: 17 }, more: undefined } });
});

it('makes one call when one is enough, and stops at the first error', async () => {
  const one = server(5, 6);
  expect(await importToEnd(one.runOnce, () => undefined)).toEqual({ ok: true, data: { summary: { added: 5 } } });
  expect(one.runOnce).toHaveBeenCalledTimes(1);

  let n = 0;
  const failing = async (): Promise<Reply<R>> =>
    ++n === 1 ? { ok: true, data: { summary: { added: 9 }, more: { done: 3, total: 9 } } } : { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用' } };
  expect(await importToEnd(failing, () => undefined)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  expect(n).toBe(2);
});

it('gives up after a bound, telling the 管理员 that pressing again goes on', async () => {
  const stuck = async (): Promise<Reply<R>> => ({ ok: true, data: { summary: { added: 9 }, more: { done: 0, total: 9 } } });
  expect(await importToEnd(stuck, () => undefined, 4)).toMatchObject({ ok: false, error: { message: expect.stringContaining('继续') } });
});
