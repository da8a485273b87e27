// Every cloud function, by name: the dev server and tests route to these; each
// `server/functions/<name>.ts` entry wires one of them to the cloud runtime.
import type { FunctionDef } from '../core/router';
import { accountFunction } from '../features/account/handlers';

export const FUNCTION_DEFS: Record<string, FunctionDef> = {
  account: accountFunction as unknown as FunctionDef,
};
