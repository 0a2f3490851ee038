export default definePageConfig({
  navigationBarTitleText: '绑定我家住址',
});
