// The sheets worker's body (started by server/runtime/local-sheets.ts through sheets-worker.cjs):
// reads and writes .xlsx with the in-process code, one job at a time, and answers each job with
// its value or its AppError (code and Chinese message). It says `ready` once its modules are
// loaded, so a job's time bound counts the job, not the start.
import { parentPort } from 'node:worker_threads';
import { AppError } from '../core/errors';
import { inProcessSheets, type ReadSheetOptions, type WorkbookSpec } from '../core/spreadsheet';

export type SheetJob =
  | { id: number; kind: 'read'; data: Uint8Array; opts: ReadSheetOptions<string> }
  | { id: number; kind: 'write'; book: WorkbookSpec };

export type SheetAnswer =
  | { ready: true }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: AppError['code']; message: string } | null; detail?: string };

const port = parentPort;
if (!port) throw new Error('sheets-worker runs as a worker thread (server/runtime/local-sheets.ts)');

port.on('message', async (job: SheetJob) => {
  try {
    if (job.kind === 'read') {
      const data = Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength);
      port.postMessage({ id: job.id, ok: true, value: await inProcessSheets.read(data, job.opts) } satisfies SheetAnswer);
    } else {
      const file = await inProcessSheets.write(job.book);
      const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
      // The file's own ArrayBuffer moves to the server, not a copy (a Buffer may share a pool: copy then).
      const whole = file.byteOffset === 0 && file.byteLength === file.buffer.byteLength;
      port.postMessage({ id: job.id, ok: true, value: whole ? bytes : bytes.slice() } satisfies SheetAnswer, whole ? [file.buffer as ArrayBuffer] : []);
    }
  } catch (e) {
    const error = e instanceof AppError ? { code: e.code, message: e.message } : null;
    port.postMessage({ id: job.id, ok: false, error, detail: error ? undefined : String((e as Error)?.stack ?? e) } satisfies SheetAnswer);
  }
});
port.postMessage({ ready: true } satisfies SheetAnswer);
