// The share card as a picture, drawn once per content on the device.
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { drawShareCard, SHARE_CARD, type CardContext, type ShareCardData } from './shareCard';

/** The card as a picture: a temporary file in the mini program, a data URL in H5; null if the device cannot draw it. */
export async function makeShareCard(d: ShareCardData): Promise<string | null> {
  const { width, height } = SHARE_CARD;
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const canvas = Taro.createOffscreenCanvas({ type: '2d', width, height }) as unknown as { getContext(type: '2d'): CardContext };
      drawShareCard(canvas.getContext('2d'), d);
      const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, width, height, destWidth: width, destHeight: height });
      return tempFilePath;
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    drawShareCard(ctx, d);
    return canvas.toDataURL('image/png');
  } catch {
    return null;
  }
}

/** The share card of `d`, drawn once per content (null until drawn, or if it cannot be). */
export function useShareCard(d: ShareCardData | null): string | null {
  const key = d ? JSON.stringify(d) : '';
  const [card, setCard] = useState<{ key: string; url: string | null }>({ key: '', url: null });
  useEffect(() => {
    if (!d) return;
    let live = true;
    void makeShareCard(d).then((url) => live && setCard({ key, url }));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return card.key === key ? card.url : null;
}
