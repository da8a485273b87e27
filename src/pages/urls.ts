// The main package's pages: the three tabBar pages (app.config.ts lists them). Open them with
// Taro.switchTab, or reLaunch to leave a subpackage's stack; `pageUrl('pages/home/index')` builds their URLs.
import type { NoParams } from '../utils/pageUrl';

export const mainPages = { root: 'pages', pages: ['home/index', 'card/index', 'me/index'] satisfies TabPage[] };

export interface TabPages {
  'home/index': NoParams;
  'card/index': NoParams;
  'me/index': NoParams;
}
type TabPage = keyof TabPages;
