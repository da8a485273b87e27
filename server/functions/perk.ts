// Cloud function `perk`: deployed as cloudfunctions/perk/index.js. Needs the environment
// variable LZT_PASS_SECRET (≥ 32 characters, one per environment) to sign and verify passes.
import { perkFunction } from '../features/perk/handlers';
import { cloudMain } from '../runtime/cloud';

export const main = cloudMain(perkFunction);
