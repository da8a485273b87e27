export default definePageConfig({
  navigationBarTitleText: '优惠管理',
});
