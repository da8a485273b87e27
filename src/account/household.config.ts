export default definePageConfig({
  navigationBarTitleText: '我家登记的信息',
});
