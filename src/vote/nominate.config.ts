export default definePageConfig({
  navigationBarTitleText: '推荐邻长',
});
