export default definePageConfig({
  navigationBarTitleText: '专属优惠',
});
