export default definePageConfig({
  navigationBarTitleText: '部门账号',
});
