export default definePageConfig({
  navigationBarTitleText: '邻长联系卡',
});
