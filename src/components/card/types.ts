import type { Output } from '../../api/client';

/** What card.get returns: one 邻's 邻长联系卡. */
export type CardView = Output<'card', 'get'>;
export type LeadWho = 'neighbourLead' | 'groupLead' | 'areaLead';

/** Called when an action needs a signed-in caller; returns false when no sign-in is offered here. */
export type AskSignIn = (retry: () => void) => boolean;
