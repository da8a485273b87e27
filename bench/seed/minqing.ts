// Bench data for 民情 in the generated district: BENCH_MINQING_PROBLEMS problems (default
// 100,000; bench/minqing.ts runs one server with 1,000 and one with 100,000), bulk-written so
// seeding stays bounded. The measured 邻长 (the demo 邻长 of u1) has the same to-do in both:
// 30 open problems and 10 done; the rest spread over the district's other 邻 in every state.
// Bulk problems carry no timeline (the lists measured never read it); the to-do counters are
// the sums the handlers would have maintained (each problem's boxes, and its receipt at the
// holder and the 片/社区/镇街/区 above).
import type { NodeDoc } from '../../server/domain/docs';
import { readAll } from '../../server/domain/nodes';
import { boxDiff, eventDeltas, merge, type Delta } from '../../server/features/minqing/counters';
import { createdKey, dueKey, keyOf, type ProblemDoc } from '../../server/features/minqing/docs';
import { derive } from '../../server/features/minqing/problem';
import type { LocalRuntime } from '../../server/runtime/local';
import type { BenchSeeder } from '../seed-extras';

export const MEASURED_UNIT = 'u1';
export const MEASURED_OPEN = 30;
const MEASURED_DONE = 10;
const CHUNK = 20_000;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

export const problemCount = () => Math.max(MEASURED_OPEN + MEASURED_DONE, Number(process.env.BENCH_MINQING_PROBLEMS ?? 100_000));

function problemAt(unit: Pick<NodeDoc, '_id' | 'at' | 'name' | 'lead' | 'chain'>, i: number, now: number, state: 'pending' | 'handling' | 'closed'): ProblemDoc {
  const id = `pb${String(i).padStart(7, '0')}`;
  const createdAt = now - (i % 30) * DAY - (i % 1000) * 1000;
  const holder = { level: 'unit' as const, id: unit._id, name: unit.lead?.name ?? unit.name };
  return derive(
    {
      _id: id,
      number: `MQBENCH${i}`,
      at: unit.at,
      unitId: unit._id,
      unitName: unit.name,
      areaName: unit.chain?.area.name ?? '',
      by: `bench-reporter-${i % 5000}`,
      reporterName: '压测居民',
      category: (['environment', 'repair', 'dispute', 'safety', 'policy', 'other'] as const)[i % 6],
      categoryLabel: '压测',
      description: `压测问题 ${i}：楼道灯坏了，晚上看不清`,
      photos: [],
      place: unit.name,
      urgent: false,
      anonymous: i % 7 === 0,
      contactConsent: false,
      class: state === 'pending' ? null : 'personal',
      status: state,
      holder,
      hk: keyOf(holder),
      wk: null,
      chain: [],
      box: 'open',
      acceptDueAt: createdAt + 24 * HOUR,
      resolveDueAt: state === 'pending' ? null : createdAt + 3 * DAY,
      dueAt: null,
      overdue: false,
      createdAt,
      updatedAt: createdAt,
      ...(state === 'closed' ? { resolvedBy: keyOf(holder), resolvedInTime: true, rating: { stars: 5, auto: false, at: createdAt + DAY } } : {}),
      ck: createdKey(createdAt, id),
      dk: dueKey(null, id),
      rev: 1,
    },
    createdAt,
  );
}

async function seedProblems(rt: LocalRuntime, now: number): Promise<void> {
  const units = await readAll(rt.store.collection('nodes').where({ level: 'unit' }).field(['at', 'name', 'lead', 'chain']).orderBy('_id', 'asc'), 20_000);
  const measured = units.find((u) => u._id === MEASURED_UNIT);
  if (!measured) throw new Error('minqing bench: no unit u1');
  const others = units.filter((u) => u._id !== MEASURED_UNIT);
  const counters = new Map<string, Delta>();
  let chunk: ProblemDoc[] = [];
  const put = (p: ProblemDoc) => {
    for (const [id, d] of boxDiff(null, p)) merge(counters, [id], d);
    for (const [id, d] of eventDeltas(p, p.hk, { received: 1 }, p.createdAt)) merge(counters, [id], d);
    chunk.push(p);
    if (chunk.length === CHUNK) {
      rt.store.bulkPut('problems', chunk);
      chunk = [];
    }
  };
  const total = problemCount();
  let i = 0;
  for (; i < MEASURED_OPEN; i++) put(problemAt(measured, i, now, i % 2 ? 'pending' : 'handling'));
  for (; i < MEASURED_OPEN + MEASURED_DONE; i++) put(problemAt(measured, i, now, 'closed'));
  for (; i < total; i++) {
    const unit = others[(i * 7919) % others.length];
    put(problemAt(unit, i, now, (['closed', 'closed', 'closed', 'closed', 'handling', 'handling', 'handling', 'pending', 'pending', 'pending'] as const)[i % 10]));
  }
  if (chunk.length) rt.store.bulkPut('problems', chunk);
  rt.store.bulkPut(
    'mqstats',
    [...counters].map(([_id, d]) => ({ _id, ...d })),
  );
}

export const MINQING_SEEDERS: BenchSeeder[] = [
  { figures: ['minqing.todo', 'minqing.submit', 'desk.summary'], seed: (rt) => seedProblems(rt, Date.now()) },
];
