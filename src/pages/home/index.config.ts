export default definePageConfig({
  navigationBarTitleText: '邻长通',
});
