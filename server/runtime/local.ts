// The local runtime: the same handlers as in the cloud, on SQLite. The dev server and
// the integration tests call functions through it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Reply } from '../../contracts/envelope';
import type { Clock } from '../core/ports';
import { dispatch, invalid, type Logger } from '../core/router';
import { FUNCTION_DEFS } from '../functions/registry';
import { openLocalStore, type LocalStore, type StoreMode } from '../store/local-store';
import type { SheetWorkerLimits } from './local-sheets';
import { localPorts } from './local-ports';

export interface LocalRuntime {
  store: LocalStore;
  filesDir: string;
  ports: ReturnType<typeof localPorts>;
  /** Call a function as `openid` (null = anonymous), exactly as the cloud would. */
  call(fn: string, event: unknown, openid: string | null): Promise<Reply<unknown>>;
  close(): void;
}

export interface LocalRuntimeOptions {
  /** SQLite file, or ':memory:' */
  dbFile: string;
  clock?: Clock;
  baseUrl?: string;
  filesDir?: string;
  log?: Logger;
  /**
   * Key that signs perk passes. `npm start` passes LZT_PASS_SECRET or a key generated once into
   * the data folder; without one (tests, benches) each runtime makes a random key.
   */
  passKey?: string | Buffer;
  /** The fast local store (default), or the cloud's semantics emulated on SQLite (tests). */
  store?: StoreMode;
  /** The sheets worker's memory and time bounds (server/runtime/local-sheets.ts). */
  sheets?: Partial<SheetWorkerLimits>;
}

export function createLocalRuntime(opts: LocalRuntimeOptions): LocalRuntime {
  const store = openLocalStore(opts.dbFile, opts.store);
  // An in-memory runtime keeps its files in a temporary folder of its own, removed on close.
  const ownFiles = !opts.filesDir && opts.dbFile === ':memory:';
  const filesDir = opts.filesDir ?? (ownFiles ? fs.mkdtempSync(path.join(os.tmpdir(), 'lzt-files-')) : path.join(path.dirname(opts.dbFile), 'files'));
  const ports = localPorts({ store, filesDir, clock: opts.clock, baseUrl: opts.baseUrl, passKey: opts.passKey, sheets: opts.sheets });
  return {
    store,
    filesDir,
    ports,
    async call(fn, event, openid) {
      const def = Object.prototype.hasOwnProperty.call(FUNCTION_DEFS, fn) ? FUNCTION_DEFS[fn] : undefined;
      if (!def) return invalid(`未知的云函数：${String(fn).slice(0, 40)}`);
      return dispatch(def, event, ports, { openid }, opts.log);
    },
    close: () => {
      ports.sheets.close();
      store.close();
      if (ownFiles) fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
