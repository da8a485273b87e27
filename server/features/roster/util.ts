// Small helpers shared by the roster modules.
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

/** Runs `fn` over `items` with at most `limit` calls in flight; rejects on the first failure. */
export async function inPool<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        await fn(items[i], i);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** A file-name-safe stamp: 20261125-100000 (Beijing time) plus 4 random characters. */
export function fileStamp(now: number): string {
  const d = new Date(now + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}`;
  const time = `${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
  return `${date}-${time}-${shortId('', 4)}`;
}
