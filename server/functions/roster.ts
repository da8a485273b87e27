// Cloud function `roster`: deployed as cloudfunctions/roster/index.js.
import { rosterFunction } from '../features/roster/handlers';
import { cloudMain } from '../runtime/cloud';

export const main = cloudMain(rosterFunction);
