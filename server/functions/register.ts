// Cloud function `register`: deployed as cloudfunctions/register/index.js.
import { registerFunction } from '../features/register/handlers';
import { cloudMain } from '../runtime/cloud';

export const main = cloudMain(registerFunction);
