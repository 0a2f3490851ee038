export default definePageConfig({
  navigationBarTitleText: '诉求',
  enablePullDownRefresh: true,
});
