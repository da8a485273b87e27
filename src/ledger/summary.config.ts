export default definePageConfig({
  navigationBarTitleText: '下级汇总',
});
