export default definePageConfig({
  navigationBarTitleText: '优惠核销',
});
