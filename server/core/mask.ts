/** 13800001234 → 138****1234; anything else keeps only its last 2 characters. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  return phone.length <= 2 ? '**' : `${'*'.repeat(Math.min(phone.length - 2, 8))}${phone.slice(-2)}`;
}

/** 张小明 → 张**; names are masked in lists shown beyond the people who need them. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? name : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}
