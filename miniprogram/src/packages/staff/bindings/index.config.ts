export default definePageConfig({ navigationBarTitleText: '审核居民绑定' });
