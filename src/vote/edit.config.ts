export default definePageConfig({
  navigationBarTitleText: '评选设置',
});
