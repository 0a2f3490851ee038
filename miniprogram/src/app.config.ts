// the page list lives in shared/ (pages.ts), beside the paths the functions' messages open
import { MAIN_PAGES, mainPagePath, SUBPACKAGES, subpackageRoot, type Subpackage } from '../../shared/src/common/pages';

// booking: residents choose, confirm and keep their codes; staff run the day in booking-staff.
// notices: residents read one, the 阳光三务 archive and their message settings; publishers work in notices-admin.
// requests (诉求): residents report, follow and rate in request; staff handle them in workbench.
const subPackages = (Object.keys(SUBPACKAGES) as Subpackage[]).map((name) => ({
  root: subpackageRoot(name),
  name,
  pages: SUBPACKAGES[name].map((page) => `${page}/index`),
}));

export default defineAppConfig({
  // main package: the tabs and what a first-time resident needs
  pages: MAIN_PAGES.map(mainPagePath),
  // every other page lives in a subpackage (src/packages/<name>/) so the main package stays small
  subPackages,
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f3f4f6',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '邻里',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#4e5661',
    selectedColor: '#c8102e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: mainPagePath('card'),
        text: '联系卡',
        iconPath: 'assets/tabbar/card.png',
        selectedIconPath: 'assets/tabbar/card-active.png',
      },
      {
        pagePath: mainPagePath('services'),
        text: '便民服务',
        iconPath: 'assets/tabbar/services.png',
        selectedIconPath: 'assets/tabbar/services-active.png',
      },
      {
        pagePath: mainPagePath('notices'),
        text: '通知',
        iconPath: 'assets/tabbar/notices.png',
        selectedIconPath: 'assets/tabbar/notices-active.png',
      },
      {
        pagePath: mainPagePath('requests'),
        text: '诉求',
        iconPath: 'assets/tabbar/requests.png',
        selectedIconPath: 'assets/tabbar/requests-active.png',
      },
      { pagePath: mainPagePath('me'), text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
  // 同声传译 (WechatSI), WeChat's official text-to-speech plugin: reads notices aloud
  // (features/notices/speech.ts). The account adds it once in 设置 → 第三方设置 → 插件管理.
  plugins: {
    WechatSI: { version: '0.3.6', provider: 'wx069ba97219f66d99' },
  },
  lazyCodeLoading: 'requiredComponents',
});
