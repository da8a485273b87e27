// The three tabs, in one place: app.config.ts builds the tabBar list from them and the weapp's
// custom tab bar (./index.tsx) draws them. No imports: app.config.ts is read at build time.

export interface Tab {
  /** PageShell's name of the tab's page. */
  name: string;
  pagePath: string;
  text: string;
  iconPath: string;
  selectedIconPath: string;
}

export const TABS: readonly Tab[] = [
  { name: 'home', pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-on.png' },
  { name: 'card', pagePath: 'pages/card/index', text: '联系卡', iconPath: 'assets/tab/card.png', selectedIconPath: 'assets/tab/card-on.png' },
  { name: 'me', pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-on.png' },
];

/**
 * Which tab is showing. WeChat gives each tab page its own instance of the custom tab bar, so
 * the page that shows marks its tab here (PageShell, on show) and every instance follows; an
 * instance attached later starts from the current value.
 */
let current = 0;
const listeners = new Set<(index: number) => void>();

export function currentTab(): number {
  return current;
}

/** Marks the tab of the page that is showing; a page that is no tab changes nothing. */
export function showTabOf(pageName: string): void {
  const index = TABS.findIndex((t) => t.name === pageName);
  if (index < 0) return;
  current = index;
  listeners.forEach((l) => l(index));
}

export function subscribeTab(listener: (index: number) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
