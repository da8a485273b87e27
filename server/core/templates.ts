// Subscribe-message templates. The ids are the mini program's own (chosen in the WeChat
// admin console), so they come from the environment; field names follow each template.
export const TEMPLATES = {
  /** 审核结果通知: phrase1 结果, thing2 事项, thing3 备注 */
  reviewResult: process.env.LZT_TPL_REVIEW_RESULT ?? 'review-result',
};

/** `thing` fields take at most 20 characters. */
export const thing = (s: string) => ({ value: [...s].slice(0, 20).join('') });
/** `phrase` fields take at most 5 Chinese characters. */
export const phrase = (s: string) => ({ value: [...s].slice(0, 5).join('') });
