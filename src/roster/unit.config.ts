export default definePageConfig({
  navigationBarTitleText: '三长管理',
});
