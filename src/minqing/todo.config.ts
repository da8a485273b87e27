export default definePageConfig({
  navigationBarTitleText: '民情待办',
});
