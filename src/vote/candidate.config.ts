export default definePageConfig({
  navigationBarTitleText: '为候选人投票',
  enableShareAppMessage: true,
});
