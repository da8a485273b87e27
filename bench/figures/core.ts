import type { Figure } from './types';

export const CORE_FIGURES: Figure[] = [
  // The full path (HTTP, cookie, envelope, router) of an action that touches no data.
  { name: 'baseline', fn: 'account', body: () => ({ action: 'ping' }), as: 'resident' },
  { name: 'whoami', fn: 'account', body: () => ({ action: 'whoami' }), as: 'neighbourLead', target: { maxReads: 1, maxWrites: 0 } },
];
