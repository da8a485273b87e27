// A fresh id for each tap of the vote button (vote.cast counts one id at most once).
const CHARS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function newRequestId(): string {
  let out = Date.now().toString(36) + '-';
  for (let i = 0; i < 16; i++) out += CHARS[Math.floor(Math.random() * CHARS.length)];
  return out;
}
