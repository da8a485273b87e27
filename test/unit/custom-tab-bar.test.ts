// The weapp's own tab bar (src/custom-tab-bar): which tab it marks, and that only the weapp
// build switches to it (custom on H5 would remove Taro's H5 bar, which 长辈版 already enlarges).
import { TABS, currentTab, showTabOf, subscribeTab } from '../../src/custom-tab-bar/tabs';

describe('custom tab bar', () => {
  test('the tab page that shows is marked; other pages change nothing', () => {
    const seen: number[] = [];
    const stop = subscribeTab((i) => seen.push(i));
    showTabOf('card');
    expect(currentTab()).toBe(1);
    showTabOf('vote-candidate');
    expect(currentTab()).toBe(1);
    showTabOf('me');
    stop();
    showTabOf('home');
    expect(seen).toEqual([1, 2]);
    expect(currentTab()).toBe(0);
  });

  const appConfig = (env: 'weapp' | 'h5') => {
    const was = process.env.TARO_ENV;
    process.env.TARO_ENV = env;
    (globalThis as Record<string, unknown>).defineAppConfig = (c: unknown) => c;
    try {
      let config: { tabBar: { custom?: boolean; list: { pagePath: string; text: string }[] }; pages: string[] } | undefined;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        config = require('../../src/app.config').default;
      });
      return config!;
    } finally {
      if (was === undefined) Reflect.deleteProperty(process.env, 'TARO_ENV');
      else process.env.TARO_ENV = was;
    }
  };

  test('weapp uses it, H5 keeps Taro’s bar; both list the same three tab pages', () => {
    const weapp = appConfig('weapp');
    const h5 = appConfig('h5');
    expect(weapp.tabBar.custom).toBe(true);
    expect(h5.tabBar.custom).toBe(false);
    for (const c of [weapp, h5]) {
      expect(c.tabBar.list.map((t) => t.text)).toEqual(['首页', '联系卡', '我的']);
      expect(c.tabBar.list.map((t) => t.pagePath)).toEqual(TABS.map((t) => t.pagePath));
      expect(c.pages).toEqual(TABS.map((t) => t.pagePath));
    }
  });
});
