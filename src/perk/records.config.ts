export default definePageConfig({
  navigationBarTitleText: '本店核销记录',
});
