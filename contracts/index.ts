// Every cloud function's contract, in one place. The mini program imports these as types
// only (so zod stays out of the main package); the functions import them as values.
import { account } from './account';
import { audit } from './audit';
import { card } from './card';
import { desk } from './desk';
import { household } from './household';
import { ledger } from './ledger';
import { minqing } from './minqing';
import { notice } from './notice';
import { perk } from './perk';
import { privacy } from './privacy';
import { register } from './register';
import { roster } from './roster';
import { vote } from './vote';

export const FUNCTIONS = {
  account,
  audit,
  card,
  desk,
  household,
  ledger,
  minqing,
  notice,
  perk,
  privacy,
  register,
  roster,
  vote,
};

export type Functions = typeof FUNCTIONS;
export type FunctionName = keyof Functions;
export type ActionName<F extends FunctionName> = keyof Functions[F] & string;

export * from './envelope';
export * from './roles';
export type { InputOf, OutputOf, ActionContract } from './action';
