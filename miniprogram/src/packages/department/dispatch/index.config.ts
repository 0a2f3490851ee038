export default definePageConfig({ navigationBarTitleText: '吹哨派单' });
