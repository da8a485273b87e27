import type { ReactNode } from 'react';
import type { CallState } from '../hooks/useCall';
import ErrorState from './ErrorState';
import Loading from './Loading';

interface Props<T> {
  state: CallState<T>;
  children: (data: T) => ReactNode;
  /** When true for the data, `empty` is shown instead of children. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  loadingText?: string;
}

/** Loading → error (with 重试) → empty → content, the same way on every page.
 *  A quiet refresh keeps the content on screen instead of flashing the spinner. */
export default function CallView<T>({ state, children, isEmpty, empty, loadingText }: Props<T>) {
  if (state.error) return <ErrorState error={state.error} onRetry={() => void state.reload()} />;
  if (state.data === null) return state.loading ? <Loading text={loadingText} /> : null;
  if (isEmpty?.(state.data)) return <>{empty}</>;
  return <>{children(state.data)}</>;
}
