// Cloud function `household`: deployed as cloudfunctions/household/index.js.
import { householdFunction } from '../features/household/handlers';
import { cloudMain } from '../runtime/cloud';

export const main = cloudMain(householdFunction);
