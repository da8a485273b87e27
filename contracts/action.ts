import type { z } from 'zod';
import type { Role } from './roles';

/** One action of a cloud function: its input, its output and who may call it. */
export interface ActionContract<I extends z.ZodTypeAny = z.ZodTypeAny, O extends z.ZodTypeAny = z.ZodTypeAny> {
  summary: string;
  input: I;
  output: O;
  roles: readonly Role[];
  /** What a signed-in caller without one of the roles is told (default: 没有权限进行此操作). */
  forbidden?: string;
}

export type FunctionContract = Record<string, ActionContract>;

export function action<I extends z.ZodTypeAny, O extends z.ZodTypeAny>(def: ActionContract<I, O>): ActionContract<I, O> {
  return def;
}

export type InputOf<A> = A extends ActionContract<infer I, z.ZodTypeAny> ? z.input<I> : never;
export type OutputOf<A> = A extends ActionContract<z.ZodTypeAny, infer O> ? z.output<O> : never;
