// Long loops of our own (an import's plan over 30,000 rows, its writes, its report) run in
// slices: once ~20 ms of work have passed, the loop waits one turn of the event loop, so the
// local server (every function in one process) answers other callers in between. In the cloud
// the same pause costs a turn per 20 ms and nothing else.
//
//   const pause = timeSlices();
//   for (const row of rows) { await pause(); … }
//
// Between pauses `pause()` returns undefined (awaiting it costs a microtask). Concurrent tasks
// of one loop (inPool) share the slicer: while a pause is pending every caller waits for it,
// or the others would go on in microtasks and the turn would never come.
export const SLICE_MS = 20;

export function timeSlices(sliceMs: number = SLICE_MS): () => Promise<void> | undefined {
  let since = performance.now();
  let pending: Promise<void> | null = null;
  return () => {
    if (pending) return pending;
    if (performance.now() - since < sliceMs) return undefined;
    pending = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      pending = null;
      since = performance.now();
    });
    return pending;
  };
}
