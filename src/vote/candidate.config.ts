export default definePageConfig({
  navigationBarTitleText: '为TA投票',
  enableShareAppMessage: true,
});
