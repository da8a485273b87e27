// 拨打 and 复制 for a phone number. Both platforms show their own “已复制” toast.
import Taro from '@tarojs/taro';

export function dial(phone: string): void {
  // Rejects when the person closes the call sheet: nothing to tell them.
  Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
}

export function copy(phone: string): void {
  Taro.setClipboardData({ data: phone }).catch(() => {
    void Taro.showToast({ title: '复制失败，请长按号码手动复制', icon: 'none', duration: 2500 });
  });
}
