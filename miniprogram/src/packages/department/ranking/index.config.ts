export default definePageConfig({ navigationBarTitleText: '部门办理排名' });
