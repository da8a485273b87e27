// 出示优惠码: what the clerk reads at a busy counter — the perk, the holder (photo, name,
// role) large, the QR of a signed token and its 8-digit short code. A pass lives about 60 s;
// the page asks for a fresh one after `refreshInMs` (before it expires), so a screenshot
// stops working within the minute. Hidden (app in the background, another page on top):
// no refreshing and the code is dropped; shown again: a fresh pass at once. When the clerk
// consumes the pass the page says so (which shop, what time, 本月已用 N 次) instead of the code
// (passStatus.ts asks while the code is shown, and once more when the page is shown again).
import { Image, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorBody } from '../../contracts';
import { call, type Output } from '../api/client';
import { fileSrc } from '../api/fileSrc';
import BlockedState from '../components/BlockedState';
import ErrorState from '../components/ErrorState';
import Loading from '../components/Loading';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { spacedCode } from './labels';
import { redeemedOf, useRedeemedWatch, type Redeemed } from './passStatus';
import { formatDateTime } from '../utils/beijingTime';
import { qrDataUrl } from './qr';
import '../components/work.scss';
import './styles/pass.scss';

type Pass = Output<'perk', 'pass'>;

/** After a failed refresh (network), try again this soon while the page is shown. */
const RETRY_MS = 5_000;
/** Never refresh faster than this, whatever the server says. */
const MIN_REFRESH_MS = 5_000;

/** A refusal a retry cannot fix: not eligible, used up, suspended, gone. */
const isFinal = (e: AppErrorBody) => ['FORBIDDEN', 'NOT_FOUND', 'CLOSED', 'UNAUTHENTICATED', 'INVALID_INPUT'].includes(e.code);

interface Shown {
  pass: Pass;
  qr: string;
  /** Local clock when it arrived, and the server's clock minus ours. */
  receivedAt: number;
  skew: number;
}

function keepScreenOn(on: boolean) {
  if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: on }).catch(() => undefined);
}

function Holder({ holder }: { holder: Pass['holder'] }) {
  return (
    <View className='pass-holder' id='pass-holder'>
      {holder.photo ? (
        <Image className='pass-holder__avatar' id='pass-holder-photo' src={fileSrc(holder.photo)} mode='aspectFill' />
      ) : (
        <View className='pass-holder__avatar pass-holder__avatar--text'>{holder.name.slice(0, 1)}</View>
      )}
      <View className='pass-holder__body'>
        <View className='pass-holder__name' id='pass-holder-name'>
          {holder.name}
        </View>
        <View className='pass-holder__role' id='pass-holder-role'>
          <View className='pass-holder__role-label'>{holder.roleLabel}</View>
          {holder.nodeName ? <View className='pass-holder__node'>{holder.nodeName}</View> : null}
        </View>
        {holder.honours.length > 0 ? (
          <View className='pass-holder__honours'>
            {holder.honours.map((h) => (
              <View key={h} className='pass-honour'>
                {h}
              </View>
            ))}
          </View>
        ) : null}
      </View>
    </View>
  );
}

function Countdown({ shown, now, refreshing }: { shown: Shown; now: number; refreshing: boolean }) {
  const { pass, receivedAt } = shown;
  const total = Math.max(MIN_REFRESH_MS, pass.refreshInMs);
  const left = Math.max(0, receivedAt + total - now);
  const seconds = Math.ceil(left / 1000);
  return (
    <View className='pass-timer' id='pass-timer'>
      <View className='pass-timer__bar'>
        <View className='pass-timer__fill' style={{ width: `${Math.round((left / total) * 100)}%` }} />
      </View>
      <View className='pass-timer__text'>{refreshing || seconds === 0 ? '正在更新优惠码…' : `${seconds} 秒后自动更新`}</View>
    </View>
  );
}

/** The pass was consumed at the counter: where, when, and what is left. */
function PassUsed({ used, onAgain }: { used: Redeemed; onAgain: () => void }) {
  const { redeemed, usage } = used;
  const more = usage ? usage.used < usage.count : false;
  return (
    <View className='pass-card pass-used' id='pass-used' aria-role='alert'>
      <View className='pass-used__word'>已使用</View>
      <View className='pass-used__what' id='pass-used-what'>
        {redeemed.perkTitle}
      </View>
      <View className='pass-used__where' id='pass-used-where'>
        {formatDateTime(redeemed.at)} 在“{redeemed.partnerName}”核销
      </View>
      {more ? (
        <PrimaryButton id='pass-again' kind='default' className='pass-used__again' onClick={onAgain}>
          再次出示优惠码
        </PrimaryButton>
      ) : null}
    </View>
  );
}

export default function PerkPassPage() {
  const perkId = useRouter().params.id ?? '';
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<AppErrorBody | null>(null);
  const [loading, setLoading] = useState(true);
  const [now, setNow] = useState(() => Date.now());
  const [used, setUsed] = useState<Redeemed | null>(null);
  /** The last code shown, kept while hidden: asked about once when the page is shown again. */
  const lastToken = useRef<string | null>(null);

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const generation = useRef(0);
  const visible = useRef(true);
  const mounted = useRef(true);
  const fetchRef = useRef<() => Promise<void>>(async () => undefined);

  const stop = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const schedule = useCallback(
    (ms: number) => {
      stop();
      if (visible.current) timer.current = setTimeout(() => void fetchRef.current(), ms);
    },
    [stop],
  );

  const fetchPass = useCallback(async () => {
    stop();
    const gen = ++generation.current;
    setLoading(true);
    const reply = await call('perk', 'pass', { perkId });
    if (!mounted.current || gen !== generation.current) return; // hidden, left or superseded meanwhile
    setLoading(false);
    if (!reply.ok) {
      setError(reply.error);
      if (isFinal(reply.error)) setShown(null);
      else schedule(RETRY_MS); // the code on screen stays until it expires
      return;
    }
    const receivedAt = Date.now();
    lastToken.current = reply.data.token;
    setUsed(null);
    setShown({ pass: reply.data, qr: qrDataUrl(reply.data.token), receivedAt, skew: reply.data.serverNow - receivedAt });
    setError(null);
    setNow(receivedAt);
    schedule(Math.max(MIN_REFRESH_MS, reply.data.refreshInMs));
  }, [perkId, schedule, stop]);
  fetchRef.current = fetchPass;

  useEffect(() => {
    mounted.current = true;
    visible.current = true;
    keepScreenOn(true);
    void fetchPass();
    return () => {
      mounted.current = false;
      visible.current = false;
      // A counter, not an element: the increment must reach the live value, so no copy is taken.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      generation.current++;
      stop();
      keepScreenOn(false);
    };
  }, [fetchPass, stop]);

  // The countdown ticks while the page is shown.
  useEffect(() => {
    if (!shown) return;
    const tick = setInterval(() => visible.current && setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [shown]);

  const shownOnce = useRef(false);
  useDidShow(() => {
    if (!shownOnce.current) {
      shownOnce.current = true; // the first show is the mount above
      return;
    }
    visible.current = true;
    keepScreenOn(true);
    // Consumed while the phone was away from this page (the clerk scanned, the 三长 switched apps)?
    const token = lastToken.current;
    if (used) return; // the 已使用 view stays until they ask for another code
    if (!token) return void fetchPass();
    const gen = generation.current;
    void redeemedOf(token).then((r) => {
      if (!mounted.current || gen !== generation.current) return;
      if (r) setUsed(r);
      else void fetchPass();
    });
  });

  // While a code is shown: stop refreshing it once the clerk has consumed it.
  useRedeemedWatch(shown && !used ? shown.pass.token : null, visible, (token, r) => {
    if (token !== lastToken.current) return;
    generation.current++;
    stop();
    setUsed(r);
  });

  useDidHide(() => {
    visible.current = false;
    generation.current++; // a reply still on its way is dropped
    stop();
    keepScreenOn(false);
    setShown(null); // never show an old code again
    setLoading(true);
  });

  let body;
  if (used) {
    body = <PassUsed used={used} onAgain={() => void fetchPass()} />;
  } else if (error && isFinal(error)) {
    body = (
      <View className='pass-card pass-card--blocked'>
        <BlockedState error={error} />
      </View>
    );
  } else if (!shown) {
    body = error ? (
      <View className='pass-card'>
        <ErrorState error={error} onRetry={() => void fetchPass()} />
      </View>
    ) : (
      <View className='pass-card'>
        <Loading text='正在生成优惠码…' />
      </View>
    );
  } else {
    const { pass } = shown;
    const expired = now + shown.skew >= pass.expiresAt;
    body = (
      <View className='pass-card' id='pass-card'>
        <View className='pass-perk'>
          <View className='pass-perk__title' id='pass-perk-title'>
            {pass.perk.title}
          </View>
          <View className='pass-perk__partner'>
            {pass.perk.partnerName} · {pass.perk.limitText}
          </View>
        </View>
        <Holder holder={pass.holder} />
        <View className={`pass-qr${expired ? ' pass-qr--expired' : ''}`} id='pass-qr'>
          <Image className='pass-qr__image' id='pass-qr-image' src={shown.qr} mode='aspectFit' />
          {expired ? (
            <View className='pass-qr__mask' id='pass-expired'>
              <View className='pass-qr__mask-word'>已过期</View>
              <PrimaryButton id='pass-refresh' className='pass-qr__refresh' loading={loading || undefined} onClick={() => void fetchPass()}>
                刷新优惠码
              </PrimaryButton>
            </View>
          ) : null}
        </View>
        <View className={`pass-code${expired ? ' pass-code--expired' : ''}`} id='pass-code' data-code={pass.shortCode}>
          {spacedCode(pass.shortCode)}
        </View>
        <View className='pass-code__hint'>{expired ? '这个优惠码已失效，请刷新后再出示' : '店员扫码，或输入上面的8位数字'}</View>
        {expired ? null : <Countdown shown={shown} now={now} refreshing={loading} />}
        {error ? (
          <View className='pass-error lzt-error' aria-role='alert'>
            <View className='lzt-error__message'>{error.message}，正在重试…</View>
          </View>
        ) : null}
      </View>
    );
  }

  return (
    <PageShell name='perk-pass'>
      <View className='pass'>
        {body}
        <View className='pass-note' id='pass-note'>
          {used?.usage || shown ? (
            <View className='pass-note__usage' id='pass-usage'>
              {used?.usage?.text ?? shown?.pass.usage.text}
            </View>
          ) : null}
          {used ? null : <View>优惠码每分钟自动更新，截图无效，请当面出示。</View>}
        </View>
      </View>
    </PageShell>
  );
}
