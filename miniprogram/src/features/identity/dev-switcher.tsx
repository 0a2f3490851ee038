import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { Loaded } from '../../components/loaded';
import { Section } from '../../components/section';
import { useAsync } from '../../hooks/use-async';
import {
  fetchDevIdentities,
  fetchDevInbox,
  getDevOpenid,
  onDevOpenidChange,
  setDevOpenid,
  type DevIdentity,
} from '../../services/dev-identity';
import { formatDateTime } from '../../services/format';

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

const GROUP_ORDER = ['居民', '三长五员', '社区工作人员', '街道工作人员', '职能部门', '管理员', '新用户'];

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

const groupsOf = (identities: readonly DevIdentity[]) =>
  [...new Set([...GROUP_ORDER, ...identities.map((i) => i.group)])]
    .map((group) => ({ group, members: identities.filter((i) => i.group === group) }))
    .filter((g) => g.members.length > 0);

/** Lets a developer act as any seeded person; the choice goes out as the x-linli-dev-openid header. */
export function DevSwitcher() {
  const openid = useDevOpenid();
  const list = useAsync(loadIdentities, []);

  return (
    <Section id="dev-switcher" className="dev-switcher" title="本地开发身份" extra="仅本地浏览器版可见">
      <Text className="muted block">选一个身份，之后的请求都以这个人的身份发出（请求头 x-linli-dev-openid）。</Text>
      <Loaded what={list} onlyFresh loadingText="正在读取身份列表…">
        {(identities) =>
          groupsOf(identities).map((g) => (
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
          ))
        }
      </Loaded>
      <View className="top-gap">
        <View id="dev-identity-none" className={`chip dev-identity ${openid ? '' : 'chip-selected'}`} onClick={() => setDevOpenid(null)}>
          <Text>不用身份（访客）</Text>
        </View>
      </View>
    </Section>
  );
}

/**
 * What this person would have received as WeChat subscribe messages (请求进度, 预约提醒, 通知):
 * locally the notifier records them instead of sending.
 */
export function DevInbox() {
  const openid = useDevOpenid();
  const inbox = useAsync(openid ? () => fetchDevInbox(openid) : null, [openid]);
  return (
    <Section id="dev-inbox" className="dev-switcher" title="收到的订阅消息" extra="本地模拟">
      {!openid ? <Text className="muted block">先选一个身份。</Text> : null}
      {openid ? (
        <Loaded what={inbox} onlyFresh loadingText="正在读取消息…">
          {(messages) =>
            messages.length === 0 ? (
              <Text className="muted block">还没有收到消息。</Text>
            ) : (
              messages.slice(0, 20).map((m) => (
                <View key={m._id} className="dev-inbox-item">
                  <Text className="muted block">{formatDateTime(m.createdAt)}</Text>
                  <Text className="block">{Object.values(m.data).join(' · ')}</Text>
                </View>
              ))
            )
          }
        </Loaded>
      ) : null}
      {openid ? (
        <View className="chip top-gap" onClick={inbox.reload}>
          <Text>刷新</Text>
        </View>
      ) : null}
    </Section>
  );
}
