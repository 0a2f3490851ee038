export default definePageConfig({ navigationBarTitleText: '期限与分流规则' });
