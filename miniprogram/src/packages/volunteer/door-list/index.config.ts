export default definePageConfig({ navigationBarTitleText: '我的敲门清单' });
