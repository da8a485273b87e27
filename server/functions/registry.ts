// Every cloud function, by name: the dev server and tests route to these; each
// `server/functions/<name>.ts` entry wires one of them to the cloud runtime.
import type { FunctionDef } from '../core/router';
import { accountFunction } from '../features/account/handlers';
import { auditFunction } from '../features/audit/handlers';
import { cardFunction } from '../features/card/handlers';
import { deskFunction } from '../features/desk/handlers';
import { householdFunction } from '../features/household/handlers';
import { ledgerFunction } from '../features/ledger/handlers';
import { minqingFunction } from '../features/minqing/handlers';
import { noticeFunction } from '../features/notice/handlers';
import { perkFunction } from '../features/perk/handlers';
import { privacyFunction } from '../features/privacy/handlers';
import { registerFunction } from '../features/register/handlers';
import { rosterFunction } from '../features/roster/handlers';
import { voteFunction } from '../features/vote/handlers';

// Handler types are invariant in their contract, hence the widening to FunctionDef<any>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const FUNCTION_DEFS: Record<string, FunctionDef<any>> = {
  account: accountFunction,
  audit: auditFunction,
  card: cardFunction,
  desk: deskFunction,
  household: householdFunction,
  ledger: ledgerFunction,
  minqing: minqingFunction,
  notice: noticeFunction,
  perk: perkFunction,
  privacy: privacyFunction,
  register: registerFunction,
  roster: rosterFunction,
  vote: voteFunction,
};
