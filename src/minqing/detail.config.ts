export default definePageConfig({
  navigationBarTitleText: '反映详情',
});
