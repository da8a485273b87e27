export default definePageConfig({
  navigationBarTitleText: '邻长报名',
});
