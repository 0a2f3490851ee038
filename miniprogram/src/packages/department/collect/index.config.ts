export default definePageConfig({ navigationBarTitleText: '记录收集的问题' });
