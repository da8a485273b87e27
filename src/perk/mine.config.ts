export default definePageConfig({
  navigationBarTitleText: '我的优惠核销记录',
});
