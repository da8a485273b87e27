// Subscribe-message templates. The ids are the mini program's own (chosen in the WeChat
// admin console), so they are configuration per environment: each is a function environment
// variable that `npm run deploy` sets (server/deploy/functions.ts), and pages get them from
// account.templates to ask with requestSubscribeMessage. Field names follow each template;
// build the data with `subscribeData` (server/core/subscribe.ts).

/** In a cloud function (the platform sets TCB_ENV / SCF_NAMESPACE) an unset id is '' — the notifier records such sends as 'no-template'; locally a stand-in. */
const inCloud = Boolean(process.env.TCB_ENV || process.env.SCF_NAMESPACE);

export const TEMPLATES = {
  /** 审核结果通知: phrase1 结果, thing2 事项, thing3 备注 */
  reviewResult: process.env.LZT_TPL_REVIEW_RESULT ?? (inCloud ? '' : 'review-result'),
  /** 民情办理进度: character_string1 编号, thing2 事项, phrase3 状态, thing4 说明 */
  problemProgress: process.env.LZT_TPL_PROBLEM_PROGRESS ?? (inCloud ? '' : 'problem-progress'),
};
export type TemplateName = keyof typeof TEMPLATES;

/** `thing` fields take at most 20 characters. */
export const thing = (s: string) => ({ value: [...s].slice(0, 20).join('') });
/** `phrase` fields take at most 5 Chinese characters. */
export const phrase = (s: string) => ({ value: [...s].slice(0, 5).join('') });
