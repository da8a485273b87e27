// Cloud function `perk`: deployed as cloudfunctions/perk/index.js. Needs the environment
// variable LZT_PASS_SECRET (≥ 32 characters, one per environment) to sign and verify passes.
import { perkFunction } from '../features/perk/handlers';
import { inProcessSheets } from '../core/spreadsheet';
import { cloudMain } from '../runtime/cloud';

// Its .xlsx are read and written in-process: an instance serves one call at a time.
export const main = cloudMain(perkFunction, undefined, inProcessSheets);
