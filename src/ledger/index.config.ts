export default definePageConfig({
  navigationBarTitleText: '居民信息账',
});
