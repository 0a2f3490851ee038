export default definePageConfig({ navigationBarTitleText: '服务群众工作组' });
