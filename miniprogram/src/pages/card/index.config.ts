export default definePageConfig({
  navigationBarTitleText: '服务联系卡',
  enableShareAppMessage: true,
  enablePullDownRefresh: true,
});
