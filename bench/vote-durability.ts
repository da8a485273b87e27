// `npm run bench:durability`: starts the local server (server/dev/start.ts) on a data folder
// of its own, makes a campaign through the API, storms votes from many voters (with repeated
// taps), SIGKILLs the server in the middle of the storm, restarts it on the same folder and
// checks, through the API again:
// - every vote whose reply was ok is stored (0 acknowledged votes lost), and a retry of its
//   request after the restart is answered as the same vote, not counted again;
// - every candidate's counter equals the number of its stored valid votes.
// Prints one JSON line; exits 1 if anything was lost or miscounted.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const VOTERS = Number(process.env.DURABILITY_VOTERS ?? 300);
const CANDIDATES = 6;
const PER_DAY = 20;
/** Kill the server once this many votes are acknowledged (or after KILL_AFTER_MS). */
const KILL_AT_ACKS = Number(process.env.DURABILITY_KILL_AT ?? 2000);
const KILL_AFTER_MS = 20_000;
const root = path.resolve(__dirname, '..');

type Reply<T = any> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/dev/start.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LZT_SESSION_SECRET: 'durability-secret-durability-secret' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 120 s')), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('已启动')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}) before it was ready`)));
  });
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lzt-durability-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server = await startServer(dataDir, port);

  const signIn = async (who: { key: string } | { openid: string }) => {
    const res = await fetch(`${base}/__dev/signin`, { method: 'POST', body: JSON.stringify(who) });
    return (res.headers.get('set-cookie') ?? '').split(';')[0];
  };
  const call = async <T = any>(cookie: string, body: Record<string, unknown>): Promise<Reply<T>> => {
    const res = await fetch(`${base}/api/vote`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
    return (await res.json()) as Reply<T>;
  };
  const must = <T>(r: Reply<T>): T => {
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.data;
  };

  // A campaign of the demo 社区, voting now, 20 votes a day per voter.
  const admin = await signIn({ key: 'admin' });
  const now = Date.now();
  const { campaign } = must(
    await call(admin, {
      action: 'save',
      scopeNodeId: 'c1',
      title: '断电测试：最美邻长评选',
      description: '持久性测试',
      nominateFrom: now - 2 * 3600_000,
      nominateUntil: now - 3600_000,
      voteFrom: now - 3600_000,
      voteUntil: now + 24 * 3600_000,
      eligibility: 'anyone',
      perDay: PER_DAY,
      perCandidatePerDay: PER_DAY,
      minGapSeconds: 0,
    }),
  );
  const candidates: string[] = [];
  for (let i = 1; i <= CANDIDATES; i++) {
    candidates.push(must(await call(admin, { action: 'nominate', campaignId: campaign.id, unitId: `u${i}`, story: `第${i}位候选人` })).nomination.id);
  }
  const voters = await Promise.all(Array.from({ length: VOTERS }, (_, v) => signIn({ openid: `durable-${v}` })));

  // The storm: every voter taps away; one tap in four is sent twice (a double tap).
  const acked = new Map<string, { voteId: string; voter: number; candidate: string }>();
  let sent = 0;
  let failed = 0;
  let killed = false;
  const started = Date.now();
  let killedAt = 0;
  let onKill: () => void = () => undefined;
  const killedNow = new Promise<void>((resolve) => (onKill = resolve));
  const kill = () => {
    if (killed) return;
    killed = true;
    killedAt = Date.now() - started;
    server.kill('SIGKILL');
    onKill();
  };
  const timer = setTimeout(kill, KILL_AFTER_MS);
  const storm = voters.map(async (cookie, v) => {
    for (let n = 0; n < PER_DAY && !killed; n++) {
      const requestId = `durable-${v}-${n}`;
      const candidate = candidates[(v + n) % CANDIDATES];
      const taps = n % 4 === 0 ? 2 : 1;
      await Promise.all(
        Array.from({ length: taps }, async () => {
          sent++;
          try {
            const r = await call<{ voteId: string }>(cookie, { action: 'cast', campaignId: campaign.id, candidateId: candidate, requestId });
            if (r.ok) acked.set(requestId, { voteId: r.data.voteId, voter: v, candidate });
            if (acked.size >= KILL_AT_ACKS) kill();
          } catch {
            failed++; // the connection died with the server: not acknowledged
          }
        }),
      );
    }
  });
  await Promise.race([Promise.all(storm), killedNow]);
  kill();
  clearTimeout(timer);
  await new Promise<void>((resolve) => (server.exitCode !== null || server.signalCode !== null ? resolve() : server.once('exit', () => resolve())));
  await Promise.allSettled(storm);
  const ackedAtKill = acked.size;

  // Restart on the same data folder.
  const restartStarted = Date.now();
  server = await startServer(dataDir, port);
  const restartMs = Date.now() - restartStarted;
  try {
    const admin2 = await signIn({ key: 'admin' });
    // Every stored vote of every voter (20 at most each: one page).
    const stored = new Map<string, { candidateId: string; valid: boolean }>();
    for (let v = 0; v < VOTERS; v++) {
      const page = must(await call(admin2, { action: 'votes', campaignId: campaign.id, voter: `durable-${v}`, pageSize: 50 }));
      for (const row of page.items) stored.set(row.id, { candidateId: row.candidateId, valid: row.valid });
    }
    const lost = [...acked.values()].filter((a) => !stored.has(a.voteId));
    const board = must(await call(admin2, { action: 'leaderboard', campaignId: campaign.id, pageSize: 50 }));
    const mismatched = board.items.filter(
      (k: { id: string; votes: number }) => k.votes !== [...stored.values()].filter((s) => s.valid && s.candidateId === k.id).length,
    );
    // A retry of each acknowledged request, after the crash: the same vote, not a new one.
    let replayed = 0;
    for (const [requestId, a] of acked) {
      const r = await call(voters[a.voter], { action: 'cast', campaignId: campaign.id, candidateId: a.candidate, requestId });
      if (r.ok && r.data.replayed && r.data.voteId === a.voteId) replayed++;
    }
    const board2 = must(await call(admin2, { action: 'leaderboard', campaignId: campaign.id, pageSize: 50 }));
    const total = (b: { items: { votes: number }[] }) => b.items.reduce((s, k) => s + k.votes, 0);
    const result = {
      name: 'vote.durability',
      voters: VOTERS,
      sent,
      acked: ackedAtKill,
      failed_in_flight: failed,
      killed_after_ms: killedAt,
      restart_ms: restartMs,
      stored: stored.size,
      stored_unacked: stored.size - ackedAtKill,
      acked_lost: lost.length,
      counters_total: total(board),
      counter_mismatches: mismatched.length,
      retries_replayed: replayed,
      counted_again_by_retries: total(board2) - total(board),
      ok: lost.length === 0 && mismatched.length === 0 && replayed === acked.size && total(board2) === total(board),
    };
    console.log(JSON.stringify(result));
    if (!result.ok) process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
