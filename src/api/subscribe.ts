// Subscribe messages, the mini program's half: a page that will notify the user later (a
// review result …) asks with requestSubscribeMessage at the moment of the user's tap, before
// it submits. WeChat accepts the request only inside a tap, so the template ids are loaded
// when the page opens (account.templates, once per session) and `ask()` calls WeChat first
// thing in the tap handler. H5 (the local dev server) has no such API: there it does nothing.
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { call, type Output } from './client';

export type TemplateName = keyof Output<'account', 'templates'>;
type Templates = Output<'account', 'templates'>;

let loading: Promise<Templates | null> | null = null;
let loaded: Templates | null = null;

function loadTemplates(): Promise<Templates | null> {
  loading ??= call('account', 'templates', {}).then((r) => {
    if (!r.ok) {
      loading = null; // try again on the next page
      return null;
    }
    loaded = r.data;
    return r.data;
  });
  return loading;
}

/**
 * `const ask = useSubscribeAsk(['reviewResult'])`, then in the submit tap: `await ask()` before
 * calling the function. Resolves when the user has answered (or at once when there is nothing
 * to ask); never rejects: a refusal only means no message will come.
 */
export function useSubscribeAsk(names: TemplateName[]): () => Promise<void> {
  const weapp = process.env.TARO_ENV === 'weapp';
  useEffect(() => {
    if (weapp) void loadTemplates();
  }, [weapp]);
  return () => {
    if (!weapp || !loaded) return Promise.resolve();
    const tmplIds = names.map((n) => loaded![n]).filter((id) => id !== '');
    if (tmplIds.length === 0) return Promise.resolve();
    return Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option).then(
      () => undefined,
      () => undefined,
    );
  };
}
