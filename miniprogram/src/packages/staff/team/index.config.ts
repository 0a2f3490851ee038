export default definePageConfig({ navigationBarTitleText: '维护三长五员' });
