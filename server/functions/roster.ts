// Cloud function `roster`: deployed as cloudfunctions/roster/index.js.
import { rosterFunction } from '../features/roster/handlers';
import { inProcessSheets } from '../core/spreadsheet';
import { cloudMain } from '../runtime/cloud';

// Its .xlsx are read and written in-process: an instance serves one call at a time.
export const main = cloudMain(rosterFunction, undefined, inProcessSheets);
