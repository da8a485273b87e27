export default definePageConfig({
  navigationBarTitleText: '最美邻长评选',
  enableShareAppMessage: true,
});
