// Data a figure needs beyond the district tree (later features add theirs here).
import type { LocalRuntime } from '../server/runtime/local';

export async function seedBenchExtras(_runtime: LocalRuntime): Promise<void> {}
