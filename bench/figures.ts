// The figures `npm run bench` measures, one module per feature. `baseline` (the full path
// of a no-op action) comes first; every other figure is reported as a ratio to it.
import { CARD_FIGURES } from './figures/card';
import { CORE_FIGURES } from './figures/core';
import { PERK_FIGURES } from './figures/perk';
import type { Figure } from './figures/types';
import { VOTE_FIGURES } from './figures/vote';

export type { Figure };
export const FIGURES: Figure[] = [...CORE_FIGURES, ...CARD_FIGURES, ...PERK_FIGURES, ...VOTE_FIGURES];
