// Cloud function `maintenance`: run daily at 03:00 Beijing time by its timer trigger
// (declared in server/deploy/functions.ts, written to cloudfunctions/maintenance/config.json
// by the build). Removes expired passes and rate-limit windows; refuses any call from the
// mini program.
import { purgeExpired } from '../features/maintenance/purge';
import { cloudTimerMain } from '../runtime/cloud';

export const main = cloudTimerMain('maintenance', (ports) => purgeExpired(ports.store, ports.clock.now()));
