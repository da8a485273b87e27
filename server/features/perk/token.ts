// The pass token: `<payload>.<mac>`, both base64url. The payload is compact JSON
// { v: 1, o: openid, k: perkId, p: partnerId, n: nonce, e: expiry (epoch ms) }; the mac is
// HMAC-SHA256 over "lzt-pass.v1." + payload with the environment's pass key. Anyone can read
// a token (it holds no secret); nobody without the key can make or alter one. ~170 characters,
// a QR of version ~9 that any phone camera reads off a screen.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface PassPayload {
  v: 1;
  /** who: the holder's openid */
  o: string;
  /** which perk */
  k: string;
  /** the perk's partner (so a wrong counter is told without a read) */
  p: string;
  /** nonce: the redemption's _id once consumed */
  n: string;
  /** expiry, epoch ms */
  e: number;
}

const DOMAIN = 'lzt-pass.v1.';
const MAX_TOKEN = 400;

const b64url = (b: Buffer) => b.toString('base64url');
const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(DOMAIN + payload).digest();

/** 128 random bits, base64url (22 characters). */
export const newNonce = () => b64url(randomBytes(16));

export function signPass(key: Buffer, payload: PassPayload): string {
  const body = b64url(Buffer.from(JSON.stringify(payload), 'utf8'));
  return `${body}.${b64url(mac(key, body))}`;
}

const ID = /^[0-9A-Za-z_-]{1,64}$/;

/** The payload of a token signed with `key`, or null for anything else (bad shape, bad mac). */
export function openPass(key: Buffer, token: string): PassPayload | null {
  if (typeof token !== 'string' || token.length > MAX_TOKEN) return null;
  const parts = token.split('.');
  if (parts.length !== 2 || !/^[0-9A-Za-z_-]+$/.test(parts[0]) || !/^[0-9A-Za-z_-]{43}$/.test(parts[1])) return null;
  const given = Buffer.from(parts[1], 'base64url');
  const expected = mac(key, parts[0]);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  // One spelling per token: the last base64 character carries 2 unused bits, which would
  // otherwise let 4 different strings pass as the same token.
  if (b64url(given) !== parts[1]) return null;
  let p: unknown;
  try {
    p = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const x = p as Partial<PassPayload>;
  if (
    !x ||
    typeof x !== 'object' ||
    x.v !== 1 ||
    typeof x.o !== 'string' ||
    !ID.test(x.o) ||
    typeof x.k !== 'string' ||
    !ID.test(x.k) ||
    typeof x.p !== 'string' ||
    !ID.test(x.p) ||
    typeof x.n !== 'string' ||
    !ID.test(x.n) ||
    typeof x.e !== 'number' ||
    !Number.isFinite(x.e)
  ) {
    return null;
  }
  return { v: 1, o: x.o, k: x.k, p: x.p, n: x.n, e: x.e };
}
