import { accountSubpackage } from './account/subpackage';
import { auditSubpackage } from './audit/subpackage';
import { deskSubpackage } from './desk/subpackage';
import { ledgerSubpackage } from './ledger/subpackage';
import { minqingSubpackage } from './minqing/subpackage';
import { noticeSubpackage } from './notice/subpackage';
import { perkSubpackage } from './perk/subpackage';
import { registerSubpackage } from './register/subpackage';
import { rosterSubpackage } from './roster/subpackage';
import { scanSubpackage } from './scan/subpackage';
import { voteSubpackage } from './vote/subpackage';
import { TABS } from './custom-tab-bar/tabs';

// Each feature declares its subpackage in src/<feature>/subpackage.ts.
const features = [accountSubpackage, registerSubpackage, ledgerSubpackage, rosterSubpackage, voteSubpackage, perkSubpackage, minqingSubpackage, noticeSubpackage, deskSubpackage, auditSubpackage].filter((p) => p.pages.length > 0);

export default defineAppConfig({
  // Main package: the three tabBar pages only. Features add subpackages under src/<feature>/.
  pages: ['pages/home/index', 'pages/card/index', 'pages/me/index'],
  subPackages: [
    // The page a scanned 邻长联系卡 QR code opens (and its bind form); independent so a scan loads the least code.
    scanSubpackage,
    ...features,
  ],
  window: {
    navigationBarBackgroundColor: '#ededed',
    navigationBarTextStyle: 'black',
    navigationBarTitleText: '邻长通',
    backgroundColor: '#ededed',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    // weapp: our own bar (src/custom-tab-bar), since 长辈版 must enlarge it and WeChat's native bar
    // cannot change its label size; the fields below still declare the tab pages and the
    // fallback look. H5: Taro's bar (custom would remove it), enlarged in app.scss.
    custom: process.env.TARO_ENV === 'weapp',
    color: '#555555',
    selectedColor: '#06703a',
    backgroundColor: '#f7f7f7',
    borderStyle: 'black',
    list: TABS.map(({ pagePath, text, iconPath, selectedIconPath }) => ({ pagePath, text, iconPath, selectedIconPath })),
  },
  __usePrivacyCheck__: true,
  // 专属优惠 › 离我最近 asks for the location only after the tap (and the privacy consent);
  // 反映问题 lets the resident pick the place on a map (chooseLocation).
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: { 'scope.userLocation': { desc: '按距离为您排列附近支持单位的专属优惠' } },
});
