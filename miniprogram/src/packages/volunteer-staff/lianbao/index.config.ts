export default definePageConfig({ navigationBarTitleText: '十户联保分配' });
