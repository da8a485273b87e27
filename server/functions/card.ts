// Cloud function `card`: deployed as cloudfunctions/card/index.js.
import { cardFunction } from '../features/card/handlers';
import { cloudMain } from '../runtime/cloud';

export const main = cloudMain(cardFunction);
