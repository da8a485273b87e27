// The scan landing's one cloud call: card.get for the 邻 named by the card's `scene`.
// The result is kept for the bind page of the same subpackage, so it needs no second read.
import type { Reply } from '../../contracts';
import { call } from '../api/client';
import type { CardView } from '../components/card/types';
import { rememberCard } from '../utils/lastCard';

// wxacode.getUnlimited scene (≤ 32 visible characters), narrowed to what a 邻's id can be.
const UNIT_SCENE = /^[0-9A-Za-z_-]{1,32}$/;
const BAD_SCENE = { code: 'INVALID_INPUT', message: '没有识别到联系卡编号，请重新扫描邻长联系卡' } as const;

const cache = new Map<string, CardView>();

export function cachedCard(unitId: string): CardView | undefined {
  return cache.get(unitId);
}

export async function loadCard(unitId: string): Promise<Reply<CardView>> {
  if (!UNIT_SCENE.test(unitId)) return { ok: false, error: BAD_SCENE };
  const reply = await call('card', 'get', { unitId });
  if (reply.ok) {
    cache.set(unitId, reply.data);
    rememberCard(unitId); // 首页 shows this 邻's notices until the household is bound
  }
  return reply;
}
