export default defineAppConfig({
  // main package: the tabs and what a first-time resident needs
  pages: [
    'pages/card/index',
    'pages/services/index',
    'pages/me/index',
    'pages/notices/index',
    'pages/requests/index',
    'pages/search/index',
    'pages/bind/index',
  ],
  // staff pages live in a subpackage so the main package stays small
  subPackages: [
    {
      root: 'staff',
      name: 'staff',
      pages: ['team/index', 'history/index', 'bindings/index', 'invites/index', 'services/index'],
    },
    // booking: residents choose, confirm and keep their codes here; staff run the day in booking-staff
    { root: 'booking', name: 'booking', pages: ['slots/index', 'confirm/index', 'detail/index', 'mine/index'] },
    { root: 'booking-staff', name: 'booking-staff', pages: ['today/index', 'roster/index', 'check-in/index', 'schedule/index'] },
    // notices: residents read one, the 阳光三务 archive and their message settings; publishers work in notices-admin
    { root: 'notices', name: 'notices', pages: ['detail/index', 'archive/index', 'subscriptions/index'] },
    { root: 'notices-admin', name: 'notices-admin', pages: ['publish/index', 'list/index', 'reach/index', 'door-list/index'] },
    // requests (诉求): residents report, follow and rate in request; staff handle them in workbench
    { root: 'request', name: 'request', pages: ['report/index', 'detail/index', 'board/index'] },
    { root: 'workbench', name: 'workbench', pages: ['inbox/index', 'detail/index', 'figures/index'] },
  ],
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
        pagePath: 'pages/card/index',
        text: '联系卡',
        iconPath: 'assets/tabbar/card.png',
        selectedIconPath: 'assets/tabbar/card-active.png',
      },
      {
        pagePath: 'pages/services/index',
        text: '便民服务',
        iconPath: 'assets/tabbar/services.png',
        selectedIconPath: 'assets/tabbar/services-active.png',
      },
      {
        pagePath: 'pages/notices/index',
        text: '通知',
        iconPath: 'assets/tabbar/notices.png',
        selectedIconPath: 'assets/tabbar/notices-active.png',
      },
      {
        pagePath: 'pages/requests/index',
        text: '诉求',
        iconPath: 'assets/tabbar/requests.png',
        selectedIconPath: 'assets/tabbar/requests-active.png',
      },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
});
