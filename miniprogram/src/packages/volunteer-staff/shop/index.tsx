import { Text, View } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError, Notice } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { useShopAdmin } from '../../../features/volunteer/use-volunteer-staff';
import { formatDateTime } from '../../../services/format';

export default function ShopAdminPage() {
  const s = useShopAdmin();
  return (
    <PageShell id="volunteer-shop-admin">
      <Section id="hand-over" title="发放奖品">
        {s.handed ? (
          <Notice tone="ok" id="hand-over-done">
            <Text className="h3 block">
              已发放：{s.handed.rewardName} 给 {s.handed.name}
            </Text>
            <Text className="block">
              兑换码 {s.handed.code} · {s.handed.price} 积分 · {s.handed.handedOverAt ? formatDateTime(s.handed.handedOverAt) : ''}
            </Text>
          </Notice>
        ) : null}
        {s.canScan ? (
          <AppButton id="btn-scan-redemption" busy={s.guard.busy === 'handOver'} onClick={s.scan}>
            扫居民的兑换码
          </AppButton>
        ) : null}
        <TextField
          id="hand-over-code"
          label={s.canScan ? '或输入居民手机上的 6 位兑换码' : '输入居民手机上的 6 位兑换码'}
          value={s.code}
          onChange={s.setCode}
          placeholder="如 K7M2QX"
          maxlength={9}
        />
        <AppButton id="btn-hand-over" busy={s.guard.busy === 'handOver'} onClick={s.handOver}>
          核对并发放
        </AppButton>
      </Section>
      <FormError error={s.guard.error} />
      <Loaded what={s.rewards} loadingId="shop-admin-loading">
        {({ rewards }) => (
          <Section id="shelf" title="货架（积分价格与库存）">
            {rewards.length === 0 ? <Text className="muted">还没有奖品，在下面添加</Text> : null}
            {rewards.map((r) => {
              const e = s.edit(r);
              return (
                <View key={r.id} id={`shelf-${r.id}`} className="reward-row">
                  <Text className="block strong">
                    {r.name} · 已兑 {r.stock - r.left} · 还剩 {r.left}
                    {r.active ? '' : ' · 已下架'}
                  </Text>
                  <View className="row-wrap">
                    <TextField
                      id={`price-${r.id}`}
                      label="积分价格"
                      type="number"
                      value={e.price}
                      onChange={(v) => s.setEdit(r, 'price', v)}
                      maxlength={5}
                    />
                    <TextField
                      id={`stock-${r.id}`}
                      label="上架总数（含已兑）"
                      type="number"
                      value={e.stock}
                      onChange={(v) => s.setEdit(r, 'stock', v)}
                      maxlength={6}
                    />
                  </View>
                  <AppButton
                    small
                    variant="secondary"
                    className="btn-save-reward"
                    busy={s.guard.busy === `save-${r.id}`}
                    onClick={() => s.save(r)}
                  >
                    保存
                  </AppButton>
                  <AppButton
                    small
                    variant="plain"
                    className="btn-toggle-reward"
                    busy={s.guard.busy === `save-${r.id}`}
                    onClick={() => s.save(r, !r.active)}
                  >
                    {r.active ? '下架（已兑的码照常领取）' : '重新上架'}
                  </AppButton>
                </View>
              );
            })}
          </Section>
        )}
      </Loaded>
      <Section id="new-reward" title="添加奖品">
        <TextField
          id="reward-name"
          label="奖品名称"
          value={s.fresh.name}
          onChange={(v) => s.setFresh({ ...s.fresh, name: v })}
          limit={20}
          placeholder="如 理发一次"
        />
        <TextField
          id="reward-description"
          label="在哪领、怎么用（可不填）"
          value={s.fresh.description}
          onChange={(v) => s.setFresh({ ...s.fresh, description: v })}
          limit={100}
        />
        <TextField
          id="reward-price"
          label="积分价格"
          type="number"
          value={s.fresh.price}
          onChange={(v) => s.setFresh({ ...s.fresh, price: v })}
          maxlength={5}
        />
        <TextField
          id="reward-stock"
          label="数量"
          type="number"
          value={s.fresh.stock}
          onChange={(v) => s.setFresh({ ...s.fresh, stock: v })}
          maxlength={6}
        />
        <AppButton id="btn-add-reward" busy={s.guard.busy === 'add'} onClick={s.add}>
          上架
        </AppButton>
      </Section>
    </PageShell>
  );
}
