// Data a figure needs beyond the district tree. Each feature adds a seeder naming the
// figures it serves; only the seeders of the figures being run are used.
import type { LocalRuntime } from '../server/runtime/local';
import { MINQING_SEEDERS } from './seed/minqing';
import { NOTICE_SEEDERS } from './seed/notice';
import { PERK_SEEDERS } from './seed/perk';
import { VOTE_SEEDERS } from './seed/vote';

export interface BenchSeeder {
  figures: string[];
  seed(runtime: LocalRuntime): Promise<void>;
}

const SEEDERS: BenchSeeder[] = [...VOTE_SEEDERS, ...PERK_SEEDERS, ...NOTICE_SEEDERS, ...MINQING_SEEDERS];

export async function seedBenchExtras(runtime: LocalRuntime, figures: string[]): Promise<void> {
  for (const s of SEEDERS) if (s.figures.some((f) => figures.includes(f))) await s.seed(runtime);
}
