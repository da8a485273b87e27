// What the vote actions return, as the pages use it (types only: zod stays out of the bundle).
import type { Output } from '../api/client';

export type CampaignReply = Output<'vote', 'campaign'>;
export type Campaign = CampaignReply['campaign'];
export type MyVotes = CampaignReply['me'];
export type CandidatePage = CampaignReply['candidates'];
export type CandidateCardT = CandidatePage['items'][number];
export type CandidateReply = Output<'vote', 'candidate'>;
export type LeaderboardPage = Output<'vote', 'leaderboard'>;
export type RankedCandidate = LeaderboardPage['items'][number];
export type CastResult = Output<'vote', 'cast'>;
export type Nomination = Output<'vote', 'mine'>['nominations'][number];
export type NominationsPage = Output<'vote', 'nominations'>;
export type CampaignSummary = Output<'vote', 'list'>['items'][number];
export type CampaignListPage = Output<'vote', 'list'>;
export type Overview = Output<'vote', 'overview'>;
export type AlertsPage = Output<'vote', 'alerts'>;
export type Alert = AlertsPage['items'][number];
export type AuditPage = Output<'vote', 'audit'>;
export type Audit = AuditPage['items'][number];
export type VoteRows = Output<'vote', 'votes'>;
export type Honoree = NonNullable<Campaign['results']>['honorees'][number];
export type CampaignStatus = Campaign['status'];
