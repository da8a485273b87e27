import { randomBytes } from 'node:crypto';
import { beijingDay } from '../../core/time';

let seq = 0;

/**
 * A document id that sorts by time and is unique: prefix, time in base 36, a per-process
 * sequence (so ids made in one millisecond keep their order), 6 random hex digits.
 */
export function randomId(prefix: string, now: number): string {
  seq = (seq + 1) % 1_679_616; // 36^4
  return `${prefix}${now.toString(36).padStart(9, '0')}${seq.toString(36).padStart(4, '0')}${randomBytes(3).toString('hex')}`;
}

/** 反映编号 a resident can quote on the phone: MQ + Beijing date + 4 characters of the id. */
export function problemNumber(id: string, now: number): string {
  return `MQ${beijingDay(now)}${id.slice(-4).toUpperCase()}`;
}
