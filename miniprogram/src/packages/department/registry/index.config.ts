export default definePageConfig({ navigationBarTitleText: '登记职能部门' });
