export default definePageConfig({ navigationBarTitleText: '四议一审两公开' });
