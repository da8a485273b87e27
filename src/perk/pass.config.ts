export default definePageConfig({
  navigationBarTitleText: '出示优惠码',
  navigationBarBackgroundColor: '#07c160',
  navigationBarTextStyle: 'white',
  backgroundColor: '#07c160',
});
