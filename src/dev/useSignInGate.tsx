// What a page does when a call answers UNAUTHENTICATED. H5 (local dev server): open the
// 请先登录 sheet, sign in, run the call again. weapp: nothing to offer (everyone has an
// identity there), so the caller shows the error message. The sheet is compiled out of weapp.
import { useCallback, useState, type ReactNode } from 'react';
import DevSignInSheet from './DevSignInSheet';

export interface SignInGate {
  /** Opens the sheet and runs `retry` after signing in; false when no sign-in is offered. */
  ask: (retry: () => void) => boolean;
  /** Render this somewhere in the page. */
  sheet: ReactNode;
}

export function useSignInGate(): SignInGate {
  const [retry, setRetry] = useState<{ run: () => void } | null>(null);
  const ask = useCallback((run: () => void) => {
    if (process.env.TARO_ENV !== 'h5') return false;
    setRetry({ run });
    return true;
  }, []);
  const sheet =
    process.env.TARO_ENV === 'h5' && retry ? (
      <DevSignInSheet
        onCancel={() => setRetry(null)}
        onSignedIn={() => {
          setRetry(null);
          retry.run();
        }}
      />
    ) : null;
  return { ask, sheet };
}
