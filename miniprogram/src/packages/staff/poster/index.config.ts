export default definePageConfig({ navigationBarTitleText: '张贴用联系卡' });
