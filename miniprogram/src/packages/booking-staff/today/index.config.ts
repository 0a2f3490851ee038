export default definePageConfig({ navigationBarTitleText: '预约与签到' });
