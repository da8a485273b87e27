// Cloud function `privacy`: deployed as cloudfunctions/privacy/index.js.
import { privacyFunction } from '../features/privacy/handlers';
import { cloudMain } from '../runtime/cloud';

export const main = cloudMain(privacyFunction);
