// Cloud function `minqingSweep`: every 10 minutes by its timer trigger (declared in
// server/deploy/functions.ts, written to config.json by the build): flags problems past their deadline as overdue (the one above hears of it)
// and closes resolved ones unanswered past their confirm days as 默认满意; bounded per run.
import { sweepPorts } from '../features/minqing/sweep';
import { cloudTimerMain } from '../runtime/cloud';

export const main = cloudTimerMain('minqingSweep', (ports) => sweepPorts(ports));
