export interface Figure {
  name: string;
  /** Cloud function and the call body. A function of the request number lets calls vary. */
  fn: string;
  body: (i: number) => Record<string, unknown>;
  /** Demo user key for the dev sign-in (see server/seed/demo.ts)… */
  as: string;
  /** …or this many distinct signed-in callers (openids `bench-<figure>-<n>`), request i made by caller i % callers. */
  callers?: number;
  /** Concurrent connections (default 10). */
  connections?: number;
  /** What the issue asks of it, checked and printed. */
  target?: {
    minRatio?: number;
    maxReads?: number;
    maxWrites?: number;
    maxP95Ratio?: { of: string; ratio: number };
    /** rps at least this share of the matching floor server's (ratio_floor, see bench/reference-server.ts). */
    minFloorRatio?: number;
    /** A field of `report` that must reach a value (e.g. the share of calls that did the real work). */
    minShare?: { field: string; value: number };
  };
  /** The floor it is compared with: raw node:http + one SQLite transaction ('tx'), or a raw no-op; default: 'tx' when it writes. */
  floor?: 'noop' | 'tx';
  /** Extra fields for the figure's line, read from the server after the run (`calls`: requests measured). */
  report?: (base: string, calls: number) => Promise<Record<string, unknown>>;
}

/**
 * A bench in its own file that compares sizes (it starts its own servers, one per size) and
 * prints its own lines; true when it meets its targets. Registered in bench/run.ts, one line each.
 */
export interface SizedBench {
  name: string;
  run(seconds: number): Promise<boolean>;
}
