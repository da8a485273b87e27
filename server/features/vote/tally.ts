// Reconciling the candidates' counters with their valid votes. A vote's counter is
// incremented right after its transaction (cast.ts), so a call that died between the two
// leaves its candidate one short; a void decrements inside its transaction and is exact.
// Before the results are confirmed (voting has ended: nothing moves any more) each approved
// candidate's valid votes are counted and a counter that differs is set to that count.
// Cost: one count per candidate and a page read per 100 candidates; a write only where a
// counter was off.
import type { Ctx } from '../../core/context';
import { MAX_LIMIT } from '../../store/port';
import type { CandidateDoc } from './docs';

export async function reconcileCounters(ctx: Pick<Ctx, 'store'>, campaignId: string): Promise<{ candidates: number; fixed: number }> {
  const col = ctx.store.collection('candidates');
  let candidates = 0;
  let fixed = 0;
  for (let skip = 0; ; skip += MAX_LIMIT) {
    const page = (await col
      .where({ campaignId, status: 'approved' })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(MAX_LIMIT)
      .field(['votes'])
      .get()) as Pick<CandidateDoc, '_id' | 'votes'>[];
    for (const k of page) {
      const valid = await ctx.store.collection('votes').where({ candidateId: k._id, valid: true }).count();
      if (valid !== k.votes) {
        await col.doc(k._id).update({ votes: valid });
        fixed++;
      }
    }
    candidates += page.length;
    if (page.length < MAX_LIMIT) return { candidates, fixed };
  }
}
