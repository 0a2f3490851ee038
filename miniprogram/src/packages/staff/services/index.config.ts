export default definePageConfig({ navigationBarTitleText: '维护便民服务' });
