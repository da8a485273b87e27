// Cloud function `account`: deployed as cloudfunctions/account/index.js.
import { accountFunction } from '../features/account/handlers';
import { cloudMain } from '../runtime/cloud';

export const main = cloudMain(accountFunction);
