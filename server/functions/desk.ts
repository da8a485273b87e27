// Cloud function `desk`: deployed as cloudfunctions/desk/index.js.
import { deskFunction } from '../features/desk/handlers';
import { cloudMain } from '../runtime/cloud';

export const main = cloudMain(deskFunction);
