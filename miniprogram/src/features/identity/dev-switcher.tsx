import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { Section } from '../../components/section';
import { ErrorState, LoadingState } from '../../components/states';
import { useAsync } from '../../hooks/use-async';
import { fetchDevIdentities, getDevOpenid, onDevOpenidChange, setDevOpenid, type DevIdentity } from '../../services/dev-identity';

/*
 * Browser build only: pages render these behind `process.env.TARO_ENV === 'h5'`, so the
 * weapp bundle drops them together with services/dev-identity.ts.
 */

let identitiesPromise: Promise<DevIdentity[]> | null = null;
const loadIdentities = () => {
  identitiesPromise ??= fetchDevIdentities().catch((e: unknown) => {
    identitiesPromise = null;
    throw e;
  });
  return identitiesPromise;
};

export function useDevOpenid(): string | null {
  const [openid, setOpenid] = useState(getDevOpenid);
  useEffect(() => onDevOpenidChange(() => setOpenid(getDevOpenid())), []);
  return openid;
}

const GROUP_ORDER = ['居民', '三长五员', '社区工作人员', '街道工作人员', '管理员', '新用户'];

export function DevIdentityBadge() {
  const openid = useDevOpenid();
  const list = useAsync(loadIdentities, []);
  const current = list.state.data?.find((i) => i.openid === openid);
  const label = openid ? (current?.label ?? openid) : '未选择（访客）';
  return (
    <View id="dev-identity-badge" className="dev-badge">
      <Text>本地开发身份：{label}</Text>
    </View>
  );
}

/** Lets a developer act as any seeded person; the choice goes out as the x-linli-dev-openid header. */
export function DevSwitcher() {
  const openid = useDevOpenid();
  const list = useAsync(loadIdentities, []);
  const identities = list.state.data ?? [];
  const groups = [...new Set([...GROUP_ORDER, ...identities.map((i) => i.group)])]
    .map((group) => ({ group, members: identities.filter((i) => i.group === group) }))
    .filter((g) => g.members.length > 0);

  return (
    <Section id="dev-switcher" className="dev-switcher" title="本地开发身份" extra="仅本地浏览器版可见">
      <Text className="muted block">选一个身份，之后的请求都以这个人的身份发出（请求头 x-linli-dev-openid）。</Text>
      {list.state.status === 'loading' ? <LoadingState text="正在读取身份列表…" /> : null}
      {list.state.status === 'error' ? <ErrorState error={list.state.error} onRetry={list.reload} /> : null}
      {groups.map((g) => (
        <View key={g.group} className="dev-group">
          <Text className="dev-group-title">{g.group}</Text>
          <View className="row-wrap">
            {g.members.map((i) => (
              <View
                key={i.openid}
                id={`dev-identity-${i.openid}`}
                className={`chip dev-identity ${i.openid === openid ? 'chip-selected' : ''}`}
                onClick={() => setDevOpenid(i.openid)}
              >
                <Text>{i.label}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
      <View className="top-gap">
        <View id="dev-identity-none" className={`chip dev-identity ${openid ? '' : 'chip-selected'}`} onClick={() => setDevOpenid(null)}>
          <Text>不用身份（访客）</Text>
        </View>
      </View>
    </Section>
  );
}
