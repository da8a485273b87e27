// The figures `npm run bench` measures. Each is one kind of call, made repeatedly by a
// signed-in demo user; `baseline` is the full path of a no-op action, and every other
// figure is reported as a ratio to it.
export interface Figure {
  name: string;
  /** Cloud function and the call body. A function of the request number lets calls vary. */
  fn: string;
  body: (i: number) => Record<string, unknown>;
  /** Demo user key for the dev sign-in (see server/seed/demo.ts). */
  as: string;
  /** Concurrent connections. */
  connections?: number;
  /** What the issue asks of it, checked and printed. */
  target?: { minRatio?: number; maxReads?: number; maxWrites?: number };
}

export const FIGURES: Figure[] = [
  { name: 'baseline', fn: 'account', body: () => ({ action: 'ping' }), as: 'resident' },
  { name: 'whoami', fn: 'account', body: () => ({ action: 'whoami' }), as: 'neighbourLead', target: { maxReads: 1, maxWrites: 0 } },
  {
    // A scan of any of the 13,752 cards of 岳塘区 (ids u1…u13752 in the generated district).
    name: 'card.get',
    fn: 'card',
    body: (i) => ({ action: 'get', unitId: `u${1 + ((i * 7919) % 13752)}` }),
    as: 'resident',
    target: { minRatio: 0.6, maxReads: 2, maxWrites: 0 },
  },
];
