// Runs one API call for a page and exposes the states every page renders the same way.
import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { AppErrorBody, Reply } from '../../contracts';

export interface CallState<T> {
  loading: boolean;
  error: AppErrorBody | null;
  data: T | null;
  reload: () => Promise<void>;
}

export interface CallOptions {
  /** Re-run quietly (keeping the shown data) whenever the page is shown again, e.g. a tab revisited. */
  refreshOnShow?: boolean;
}

export function useCall<T>(run: () => Promise<Reply<T>>, deps: DependencyList, options: CallOptions = {}): CallState<T> {
  const [state, setState] = useState<Omit<CallState<T>, 'reload'>>({ loading: true, error: null, data: null });
  const latest = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const reload = useCallback(async () => {
    const id = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    const reply = await run();
    if (!mounted.current || id !== latest.current) return; // a newer call or an unmount won
    setState(reply.ok ? { loading: false, error: null, data: reply.data } : { loading: false, error: reply.error, data: null });
    // The caller's own dependency list, as useEffect takes one: `run` is a new closure on every
    // render and is read afresh whenever those dependencies change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  useEffect(() => {
    void reload();
  }, [reload]);

  const shownOnce = useRef(false);
  useDidShow(() => {
    if (!shownOnce.current) {
      shownOnce.current = true; // the first show is covered by the effect above
      return;
    }
    if (options.refreshOnShow) void reload();
  });

  return { ...state, reload };
}
