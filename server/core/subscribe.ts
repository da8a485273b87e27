// Subscribe-message fields, checked against WeChat's value rules before anything is sent
// (subscribeMessage.send answers 47003 "argument invalid" otherwise). A field's type is its
// key without the trailing number: `thing2` is a thing, `phrase1` a phrase.
//
// Build a message's data with `subscribeData({ phrase1: '已通过', thing2: '…', time3: … })`:
// a thing or name longer than its limit is shortened (a thing ends in …); a value no shortening
// can fix (a phrase with a letter in it, a number with words, an empty value) stays as it is,
// and the notifier refuses the message and records why instead of calling WeChat.

export type SubscribeData = Record<string, { value: string }>;

export interface FieldRule {
  /** The longest value, in characters (code points). */
  max: number;
  /** What every value must look like (after shortening). */
  pattern: RegExp;
  /** Whether a longer value may be cut to `max` (text meant for reading) rather than refused. */
  shorten?: boolean;
  about: string;
}

const HAN = '\\p{Script=Han}';
const DATE = '\\d{4}年\\d{1,2}月\\d{1,2}日';
const CLOCK = '\\d{1,2}:\\d{2}';

/** WeChat's rules per type (订阅消息参数值内容限制). */
export const FIELD_RULES: Record<string, FieldRule> = {
  thing: { max: 20, pattern: /^[\s\S]+$/u, shorten: true, about: '20个以内字符' },
  number: { max: 32, pattern: /^-?\d+(\.\d+)?$/, about: '32位以内数字，可带小数' },
  letter: { max: 32, pattern: /^[A-Za-z]+$/, about: '32位以内字母' },
  symbol: { max: 5, pattern: /^[^\p{L}\p{N}\s]+$/u, about: '5位以内符号' },
  character_string: { max: 32, pattern: /^[0-9A-Za-z!-/:-@[-`{-~]+$/, about: '32位以内数字、字母或符号' },
  time: {
    max: 40,
    pattern: new RegExp(`^(${DATE} )?${CLOCK}(~(${DATE} )?${CLOCK})?$`),
    about: '24小时制时间，如 15:01 或 2019年10月1日 15:01',
  },
  date: {
    max: 40,
    pattern: new RegExp(`^${DATE}( ${CLOCK})?(~${DATE}( ${CLOCK})?)?$`),
    about: '年月日，如 2019年10月1日 或 2019年10月1日 15:01',
  },
  amount: { max: 16, pattern: /^[¥$€£]\d{1,10}(\.\d{1,2})?元?$/, about: '1个币种符号+10位以内数字，可带小数' },
  phone_number: { max: 17, pattern: /^[0-9+\-() ]+$/, about: '17位以内数字、符号' },
  car_number: { max: 8, pattern: new RegExp(`^[${HAN}A-Za-z0-9][A-Za-z0-9]*[${HAN}A-Za-z0-9]?$`, 'u'), about: '8位以内车牌' },
  name: { max: 10, pattern: new RegExp(`^([${HAN}·]+|[A-Za-z .'-]{1,20})$`, 'u'), shorten: true, about: '10个以内汉字或20个以内字母' },
  phrase: { max: 5, pattern: new RegExp(`^[${HAN}]+$`, 'u'), about: '5个以内汉字' },
};

export class SubscribeFieldError extends Error {
  constructor(
    readonly key: string,
    readonly rule: string,
  ) {
    super(`订阅消息字段 ${key} 不合规：${rule}`);
  }
}

/** The type of a field key: `thing12` → `thing`, `character_string3` → `character_string`. */
export function fieldType(key: string): string {
  return key.replace(/\d+$/, '');
}

/** A value fitted to its key's rule, or a SubscribeFieldError. */
export function fitField(key: string, raw: string | number): string {
  const rule = FIELD_RULES[fieldType(key)];
  if (!rule) throw new SubscribeFieldError(key, '未知的字段类型');
  let value = String(raw).trim();
  const chars = [...value];
  // A name's limit is 20 for Latin letters, 10 once it has any Chinese.
  const max = rule === FIELD_RULES.name && /^[A-Za-z .'-]+$/.test(value) ? 20 : rule.max;
  if (chars.length > max) {
    if (!rule.shorten) throw new SubscribeFieldError(key, rule.about);
    value = rule === FIELD_RULES.name ? chars.slice(0, max).join('') : `${chars.slice(0, max - 1).join('')}…`;
  }
  if (!value || !rule.pattern.test(value)) throw new SubscribeFieldError(key, rule.about);
  return value;
}

/**
 * The `data` of a subscribe message, each field fitted to its rule. Never throws (a handler's
 * action must not fail over a notification): a value no rule can fit is kept as it is, and the
 * notifier refuses and records the message (reason 'invalid-field').
 */
export function subscribeData(fields: Record<string, string | number>): SubscribeData {
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => {
      try {
        return [k, { value: fitField(k, v) }];
      } catch {
        return [k, { value: String(v) }];
      }
    }),
  );
}

/** The problems of already-built data (what the notifier checks before any send). */
export function dataProblems(data: SubscribeData): string[] {
  const problems: string[] = [];
  for (const [key, field] of Object.entries(data)) {
    try {
      if (fitField(key, field?.value ?? '') !== field.value) problems.push(`${key}: ${FIELD_RULES[fieldType(key)].about}`);
    } catch (e) {
      problems.push(e instanceof SubscribeFieldError ? `${key}: ${e.rule}` : `${key}: ${String(e)}`);
    }
  }
  return problems;
}
