// Cloud function `ledger`: deployed as cloudfunctions/ledger/index.js.
import { ledgerFunction } from '../features/ledger/handlers';
import { cloudMain } from '../runtime/cloud';

export const main = cloudMain(ledgerFunction);
