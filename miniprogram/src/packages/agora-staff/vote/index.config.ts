export default definePageConfig({ navigationBarTitleText: '入户投票' });
