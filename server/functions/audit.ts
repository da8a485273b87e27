// Cloud function `audit`: deployed as cloudfunctions/audit/index.js.
import { auditFunction } from '../features/audit/handlers';
import { cloudMain } from '../runtime/cloud';

export const main = cloudMain(auditFunction);
