export default definePageConfig({
  navigationBarTitleText: '辖区民情',
});
