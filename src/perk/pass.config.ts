export default definePageConfig({
  navigationBarTitleText: '出示优惠码',
  navigationBarBackgroundColor: '#06703a',
  navigationBarTextStyle: 'white',
  backgroundColor: '#06703a',
});
