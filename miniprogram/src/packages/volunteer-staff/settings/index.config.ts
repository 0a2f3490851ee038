export default definePageConfig({ navigationBarTitleText: '志愿积分设置' });
