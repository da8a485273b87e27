// Hands WeChat's privacy `resolve` from app.tsx (where the listener must be registered)
// to whichever page's PrivacyPopup is on screen.
type Resolve = WechatPrivacy.Resolve;
type Listener = (pending: boolean) => void;

let pending: Resolve | null = null;
const listeners = new Set<Listener>();

function notify() {
  listeners.forEach((l) => l(pending !== null));
}

/** weapp only: call once at launch. */
export function registerPrivacyListener(): void {
  if (process.env.TARO_ENV !== 'weapp' || typeof wx === 'undefined' || !wx.onNeedPrivacyAuthorization) return;
  wx.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve;
    notify();
  });
}

export function isPrivacyPending(): boolean {
  return pending !== null;
}

/** Tells WeChat the sheet was actually shown (its guide asks for this before agree/disagree). */
export function reportPrivacyShown(): void {
  pending?.({ event: 'exposureAuthorization' });
}

export function answerPrivacy(option: WechatPrivacy.ResolveOption): void {
  const resolve = pending;
  pending = null;
  resolve?.(option);
  notify();
}

export function subscribePrivacy(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
