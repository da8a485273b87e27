// Random ids and file stamps shared by the features (roster, perk, …).
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A short random id with a level prefix: `u` + 10 of [0-9a-z] (≈ 52 bits). A 邻's id is
 * the scene of its QR code, which wxacode.getUnlimited caps at 32 characters.
 */
export function shortId(prefix: string, length = 10): string {
  const bytes = randomBytes(length * 2);
  let out = prefix;
  // Rejection sampling keeps every character equally likely (252 = 7 × 36).
  for (let i = 0; i < bytes.length && out.length < prefix.length + length; i++) {
    if (bytes[i] < 252) out += ALPHABET[bytes[i] % 36];
  }
  while (out.length < prefix.length + length) out += ALPHABET[randomBytes(1)[0] % 36];
  return out;
}

/** A file-name-safe stamp: 20261125-100000 (Beijing time) plus 4 random characters. */
export function fileStamp(now: number): string {
  const d = new Date(now + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}`;
  const time = `${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
  return `${date}-${time}-${shortId('', 4)}`;
}
