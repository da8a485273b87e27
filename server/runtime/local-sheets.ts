// The local runtime's sheets port: .xlsx read and written in a worker thread, because the local
// server runs every function in one process and exceljs works synchronously for seconds on a big
// roster (reading 28,000 rows, writing their report), which would keep every other caller
// waiting. The worker holds a memory bound (its V8 heap) and each job a time bound; a workbook
// that breaks either ends only the worker, and the 管理员 gets a Chinese message that names the
// bound. The structure limits (server/core/xlsx-limits.ts) are checked first, in the worker, as
// in the cloud. One worker, one job at a time (later jobs queue); it is started on first use and
// ended after a minute without work. The cloud reads in-process (see Sheets in server/core/ports.ts).
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../core/errors';
import type { Sheets } from '../core/ports';
import type { ReadSheetOptions, SheetRow, WorkbookSpec } from '../core/spreadsheet';
import type { SheetAnswer, SheetJob } from './sheets-worker';

export const SHEET_WORKER_LIMITS = {
  /** The worker's heap (V8 old generation), MB. Inflated bytes are bounded by XLSX_LIMITS before that. */
  memoryMb: 768,
  /** One job: reading one file, or writing one report. */
  timeoutMs: 30_000,
  /** A worker without work is ended after this. */
  idleMs: 60_000,
};
export type SheetWorkerLimits = typeof SHEET_WORKER_LIMITS;

export interface LocalSheets extends Sheets {
  /** Starts the worker now (the dev server does, so the first import does not wait for it). */
  warm(): Promise<void>;
  close(): void;
}

const WORKER_FILE = path.join(__dirname, 'sheets-worker.cjs');
const retry = '请另存为普通的 .xlsx 后再试，或分开导入';

type Job = Omit<Extract<SheetJob, { kind: 'read' }>, 'id'> | Omit<Extract<SheetJob, { kind: 'write' }>, 'id'>;
type Outcome = { answer: Extract<SheetAnswer, { id: number }> } | { died: Error & { code?: string } } | { timedOut: true };

export function workerSheets(overrides: Partial<SheetWorkerLimits> = {}): LocalSheets {
  const limits = { ...SHEET_WORKER_LIMITS, ...overrides };
  const queue: { job: Job; done: (o: Outcome) => void; failed: (e: Error) => void }[] = [];
  let worker: { w: Worker; ready: Promise<void> } | null = null;
  /** The job in the worker now: its outcome when the worker answers, dies or runs out of time. */
  let current: { id: number; w: Worker; settle: (o: Outcome) => void } | null = null;
  let running = false;
  let closed = false;
  let idle: NodeJS.Timeout | null = null;
  let nextId = 1;

  const end = (w: Worker) => {
    if (worker?.w === w) worker = null;
    void w.terminate();
  };

  const spawn = () => {
    const w = new Worker(WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb } });
    const ready = new Promise<void>((resolve, reject) => {
      const died = (err: Error & { code?: string }) => {
        end(w);
        reject(err);
        if (current?.w === w) current.settle({ died: err });
      };
      w.on('message', (m: SheetAnswer) => {
        if ('ready' in m) return resolve();
        if (current?.w === w && current.id === m.id) current.settle({ answer: m });
      });
      w.on('error', died);
      w.on('exit', (code) => died(Object.assign(new Error(`sheets worker exited (${code})`), { code: 'EXITED' })));
    });
    ready.catch(() => undefined); // a start that fails is reported to the job that waited for it
    worker = { w, ready };
    return worker;
  };

  const runOne = async (job: Job): Promise<Outcome> => {
    const { w, ready } = worker ?? spawn();
    w.ref();
    const started = await Promise.race([
      ready.then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), limits.timeoutMs).unref()),
    ]).catch((err: Error) => err);
    if (started instanceof Error) return { died: started };
    if (!started) {
      end(w);
      return { timedOut: true };
    }
    const id = nextId++;
    return new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => {
        end(w);
        settle({ timedOut: true });
      }, limits.timeoutMs);
      const settle = (o: Outcome) => {
        clearTimeout(timer);
        current = null;
        resolve(o);
      };
      current = { id, w, settle };
      w.postMessage({ ...job, id });
    });
  };

  const pump = async () => {
    if (running) return;
    running = true;
    if (idle) clearTimeout(idle);
    while (queue.length) {
      const next = queue.shift()!;
      try {
        next.done(await runOne(next.job));
      } catch (e) {
        next.failed(e as Error);
      }
    }
    running = false;
    worker?.w.unref();
    idle = setTimeout(() => worker && end(worker.w), limits.idleMs);
    idle.unref();
  };

  const run = (job: Job) =>
    new Promise<Outcome>((done, failed) => {
      if (closed) return failed(new Error('sheets port closed'));
      queue.push({ job, done, failed });
      void pump();
    });

  return {
    async read<K extends string>(data: Buffer, opts: ReadSheetOptions<K>): Promise<SheetRow<K>[]> {
      const o = await run({ kind: 'read', data, opts });
      if ('timedOut' in o) throw new AppError('INVALID_INPUT', `这个表格 ${Math.round(limits.timeoutMs / 1000)} 秒内没有读完，${retry}`);
      if ('died' in o) {
        if (o.died.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          throw new AppError('INVALID_INPUT', `读取这个表格所需的内存超过 ${limits.memoryMb}MB 的上限，${retry}`);
        }
        throw new AppError('INVALID_INPUT', `无法读取这个文件，请上传 .xlsx 格式的${opts.noun}（可先下载导入模板）`);
      }
      const a = o.answer;
      if (a.ok) return a.value as SheetRow<K>[];
      if (a.error) throw new AppError(a.error.code, a.error.message);
      throw new AppError('INVALID_INPUT', `无法读取这个文件，请上传 .xlsx 格式的${opts.noun}（可先下载导入模板）`);
    },
    async write(book: WorkbookSpec): Promise<Buffer> {
      const o = await run({ kind: 'write', book });
      if ('timedOut' in o) throw new Error(`sheets worker: writing took over ${limits.timeoutMs} ms`);
      if ('died' in o) throw o.died;
      const a = o.answer;
      if (a.ok) {
        const bytes = a.value as Uint8Array;
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      }
      if (a.error) throw new AppError(a.error.code, a.error.message);
      throw new Error(`sheets worker: ${a.detail ?? 'writing failed'}`);
    },
    async warm() {
      if (closed) return;
      const { w, ready } = worker ?? spawn();
      await ready;
      if (!running) w.unref();
    },
    close() {
      closed = true;
      if (idle) clearTimeout(idle);
      for (const q of queue.splice(0)) q.failed(new Error('sheets port closed'));
      if (worker) end(worker.w);
    },
  };
}
