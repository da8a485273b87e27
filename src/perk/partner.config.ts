export default definePageConfig({
  navigationBarTitleText: '支持单位',
});
