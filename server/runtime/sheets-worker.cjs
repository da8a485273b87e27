// The sheets worker's entry (server/runtime/local-sheets.ts). The local runtime runs from the
// TypeScript sources (tsx for `npm start` and the benches, ts-jest for the tests, whose module
// system a worker thread does not share), so the worker loads them through tsx's require hook.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS entry: tsx must load before any TypeScript */
require('tsx/cjs');
require('./sheets-worker.ts');
