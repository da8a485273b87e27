export default definePageConfig({
  navigationBarTitleText: '出示优惠码',
  navigationBarBackgroundColor: '#067a3f',
  navigationBarTextStyle: 'white',
  backgroundColor: '#067a3f',
});
