// 核销 for the partner's clerk: 扫码核销 (weapp) or the 8-digit short code, then the verdict in
// large words and colour — green 核销成功 only; every refusal red with its own word and what
// to do. Opened from 首页 › 我的工作 (the shop's name comes along in the URL).
import { Input, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { VerifyResultT } from '../../contracts/perk';
import { call } from '../api/client';
import PageShell from '../components/PageShell';
import PrimaryButton from '../components/PrimaryButton';
import { cnDateTime } from '../utils/beijingTime';
import { decodeParam, pageUrl } from '../utils/pageUrl';
import { VERDICT_TONE } from './labels';
import { useAction } from '../hooks/useAction';
import '../components/work.scss';
import './styles/verify.scss';

const CODE_RE = /^\d{8}$/;
const isCancel = (e: unknown) => /cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? e));

function Verdict({ result, onNext }: { result: VerifyResultT; onNext: () => void }) {
  const tone = VERDICT_TONE[result.verdict] ?? 'bad';
  return (
    <View className={`verdict verdict--${tone} verdict--${result.verdict}`} id='verdict' aria-role='alert'>
      <View className='verdict__icon'>{tone === 'ok' ? '✓' : '✕'}</View>
      <View className='verdict__word' id='verdict-word'>
        {result.word}
      </View>
      <View className='verdict__detail' id='verdict-detail'>
        {result.detail}
      </View>
      {result.perk || result.holder || result.redeemedAt ? (
        <View className='verdict__facts'>
          {result.perk ? (
            <View className='verdict__fact'>
              <View className='verdict__fact-label'>优惠</View>
              <View className='verdict__fact-value' id='verdict-perk'>
                {result.perk.title}
              </View>
            </View>
          ) : null}
          {result.holder ? (
            <View className='verdict__fact'>
              <View className='verdict__fact-label'>持码人</View>
              <View className='verdict__fact-value' id='verdict-holder'>
                {result.holder.roleLabel} {result.holder.name}
              </View>
            </View>
          ) : null}
          {result.redeemedAt ? (
            <View className='verdict__fact'>
              <View className='verdict__fact-label'>核销时间</View>
              <View className='verdict__fact-value'>{cnDateTime(result.redeemedAt)}</View>
            </View>
          ) : null}
        </View>
      ) : null}
      <View className='verdict__next'>
        <PrimaryButton id='verify-next' kind='default' onClick={onNext}>
          继续核销
        </PrimaryButton>
      </View>
    </View>
  );
}

export default function PerkVerifyPage() {
  const shop = decodeParam(useRouter().params.shop);
  const [code, setCode] = useState('');
  const [result, setResult] = useState<VerifyResultT | null>(null);
  const { busy, error, setError, run } = useAction();

  async function verify(input: { token: string } | { shortCode: string }) {
    setResult(null);
    const data = await run('verify', () => call('perk', 'verify', input));
    if (!data) return;
    setResult(data);
    setCode('');
    if (process.env.TARO_ENV === 'weapp') {
      if (data.ok) void Taro.vibrateShort({ type: 'heavy' }).catch(() => undefined);
      else void Taro.vibrateLong().catch(() => undefined);
    }
  }

  async function scan() {
    setError('');
    let token: string;
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      token = res.result;
    } catch (e) {
      if (!isCancel(e)) setError('没有扫到优惠码，请对准三长手机上的二维码重试，或输入8位数字');
      return;
    }
    await verify({ token });
  }

  async function submitCode() {
    const digits = code.replace(/\s/g, '');
    if (!CODE_RE.test(digits)) {
      setResult(null);
      setError('优惠码是8位数字，请核对后重新输入');
      return;
    }
    await verify({ shortCode: digits });
  }

  const next = () => {
    setResult(null);
    setError('');
  };

  return (
    <PageShell name='perk-verify'>
      <View className='lzt-card verify-head'>
        <View className='lzt-title' id='verify-shop'>
          {shop || '本店'} · 优惠核销
        </View>
        <View className='lzt-sub verify-head__sub'>请三长出示“邻长通”里的优惠码，核对照片和姓名后核销</View>
      </View>

      {result ? <Verdict result={result} onNext={next} /> : null}

      {!result && process.env.TARO_ENV === 'weapp' ? (
        <View className='lzt-btn-wrap'>
          <PrimaryButton id='verify-scan' className='verify-scan' disabled={!!busy} onClick={() => void scan()}>
            扫码核销
          </PrimaryButton>
        </View>
      ) : null}

      {!result ? (
        <View className='lzt-card verify-code' id='verify-code'>
          <View className='verify-code__label'>{process.env.TARO_ENV === 'weapp' ? '扫不了码？输入8位数字' : '输入优惠码下方的8位数字'}</View>
          <Input
            id='verify-code-input'
            className='verify-code__input'
            type='number'
            maxlength={8}
            value={code}
            placeholder='8位数字'
            placeholderClass='verify-code__placeholder'
            onInput={(e) => setCode(e.detail.value)}
            onConfirm={() => void submitCode()}
          />
          <PrimaryButton
            id='verify-submit'
            className='verify-code__submit'
            disabled={!!busy}
            loading={busy === 'verify' || undefined}
            onClick={() => void submitCode()}
          >
            {busy === 'verify' ? '正在核销…' : '核销'}
          </PrimaryButton>
        </View>
      ) : null}

      {error ? (
        <View className='lzt-form-error' id='verify-error' aria-role='alert'>
          {error}
        </View>
      ) : null}

      <View className='lzt-cells verify-links'>
        <View className='lzt-cell lzt-cell--link' id='verify-open-records' hoverClass='lzt-cell--active' onClick={() => void Taro.navigateTo({ url: pageUrl('perk/records') })}>
          <View className='lzt-cell__body'>
            <View className='lzt-cell__title'>本店核销记录</View>
            <View className='lzt-cell__desc'>今日、本月核销次数和每一笔记录</View>
          </View>
          <View className='lzt-cell__arrow' />
        </View>
      </View>
    </PageShell>
  );
}
