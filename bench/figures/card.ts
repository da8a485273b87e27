import { YUETANG_SIZE } from '../../server/seed/tree';
import type { Figure } from './types';

export const CARD_FIGURES: Figure[] = [
  {
    // A scan of any of the 13,752 cards of 岳塘区 (ids u1…u13752 in the generated district).
    name: 'card.get',
    fn: 'card',
    body: (i) => ({ action: 'get', unitId: `u${1 + ((i * 7919) % YUETANG_SIZE.units)}` }),
    as: 'resident',
    target: { minRatio: 0.6, maxReads: 2, maxWrites: 0 },
  },
];
