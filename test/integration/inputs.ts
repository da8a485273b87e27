// The input types of the actions, by name, for the tests that hand-write inputs: a wrong field
// or a misspelt action in an example fails typecheck instead of failing (or passing) at run time.
import type { ActionName, FunctionName, Functions, InputOf } from '../../contracts';

/** "fn.action" for every action of every cloud function. */
export type QualifiedAction = { [F in FunctionName]: `${F}.${ActionName<F>}` }[FunctionName];

/** What a caller sends to an action (before its schema fills in defaults). */
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = InputOf<Functions[F][A]>;

/** The input of the action a qualified name names. */
export type InputAt<Q extends QualifiedAction> = Q extends `${infer F extends FunctionName}.${infer A}`
  ? A extends ActionName<F>
    ? ActionInput<F, A>
    : never
  : never;
