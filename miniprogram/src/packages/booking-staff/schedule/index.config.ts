export default definePageConfig({ navigationBarTitleText: '预约排班' });
