// Cloud function `maintenance`: run daily at 03:00 Beijing time by its timer trigger
// (cloudfunctions/maintenance/config.json, written by the build). Removes expired passes and
// rate-limit windows; refuses any call from the mini program.
import { purgeExpired } from '../features/maintenance/purge';
import { cloudTimerMain } from '../runtime/cloud';

export const TIMER_TRIGGERS = [{ name: 'dailyPurge', type: 'timer', config: '0 0 3 * * * *' }];

export const main = cloudTimerMain('maintenance', (ports) => purgeExpired(ports.store, ports.clock.now()));
