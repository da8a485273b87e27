// The sizes a bench server seeds (BENCH_SIZE): the demo 社区, a small 社区 of 1,000
// households (the small side of the size comparisons), or the whole of 岳塘区.
import { DEMO_SIZE, YUETANG_SIZE, type TreeSize } from '../server/seed/tree';

export const SMALL_SIZE: TreeSize = { streets: 1, communities: 1, areas: 5, groups: 20, units: 72, households: 1000 };
const SIZES: Record<string, TreeSize> = { demo: DEMO_SIZE, small: SMALL_SIZE, yuetang: YUETANG_SIZE };
export type SizeName = 'demo' | 'small' | 'yuetang';

export function benchSize(name = process.env.BENCH_SIZE): TreeSize {
  return SIZES[name ?? 'yuetang'] ?? YUETANG_SIZE;
}
