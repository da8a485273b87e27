export default definePageConfig({
  navigationBarTitleText: '我的自荐与推荐',
  enablePullDownRefresh: false,
});
