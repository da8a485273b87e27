export default definePageConfig({
  navigationBarTitleText: '民情设置',
});
