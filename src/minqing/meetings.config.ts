export default definePageConfig({
  navigationBarTitleText: '民情恳谈会',
});
