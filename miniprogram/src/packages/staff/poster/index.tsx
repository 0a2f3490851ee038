import { useRouter } from '@tarojs/taro';
import { Canvas, Image, Text, View } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { ChoiceList } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { EmptyState, FormError, Notice } from '../../../components/states';
import { POSTER_CANVAS_ID } from '../../../features/team/poster-render';
import { usePoster } from '../../../features/team/use-poster';
import '../staff.css';

const WEAPP = process.env.TARO_ENV === 'weapp';

export default function StaffPosterPage() {
  const params = useRouter().params;
  if (!params.compoundId)
    return (
      <PageShell>
        <EmptyState id="poster-no-compound" text="请从“维护三长五员”进入，先选好小区。" />
      </PageShell>
    );
  return <PosterMaker compoundId={params.compoundId} buildingId={params.buildingId ?? null} />;
}

function PosterMaker({ compoundId, buildingId }: { compoundId: string; buildingId: string | null }) {
  const p = usePoster(compoundId, buildingId);
  return (
    <PageShell>
      <Loaded what={p.buildings} loadingId="poster-loading" errorId="poster-error">
        {(places) => (
          <View id="poster-maker">
            <Section title="贴在哪里">
              <Text className="tap-row-sub">小区大门贴整张联系卡；每个楼门口再贴一张本楼的，上面有楼栋长、单元长的电话。</Text>
              <ChoiceList
                selectedId={p.buildingId ?? compoundId}
                onSelect={(o) => p.choose(o.id === compoundId ? null : o.id)}
                options={[
                  { id: compoundId, title: `${places.parent.name}（小区大门）`, sub: '全体三长五员和社区服务大厅' },
                  ...places.children.map((b) => ({ id: b._id, title: `${b.name}（楼门口）`, sub: '本楼楼栋长、单元长，加上小区三长五员' })),
                ]}
              />
            </Section>
            <AppButton id="btn-generate-poster" busy={p.busy === 'generate'} onClick={() => void p.generate()}>
              {p.busy === 'generate' ? '正在生成…' : p.made ? '重新生成' : '生成海报'}
            </AppButton>
            <FormError error={p.error} id="poster-form-error" retry="生成海报" />
            {p.made ? (
              <View id="poster-result" className="top-gap">
                <Notice tone="ok" id="poster-made">
                  <Text>{p.made.poster.title} 的联系卡已生成（A4 纵向）。人员有变动时，联系卡页面会提醒您重新生成。</Text>
                </Notice>
                <Image
                  id="poster-preview"
                  className="poster-preview"
                  src={p.made.image}
                  mode="widthFix"
                  ariaLabel={`${p.made.poster.title} 服务联系卡海报`}
                />
                <View className="stack">
                  <AppButton id="btn-keep-poster" busy={p.busy === 'keep'} onClick={() => void p.keep()}>
                    {WEAPP ? '保存到相册' : '下载 PNG 图片'}
                  </AppButton>
                  {WEAPP ? (
                    <AppButton id="btn-share-poster" variant="secondary" busy={p.busy === 'share'} onClick={() => void p.share()}>
                      发给微信好友
                    </AppButton>
                  ) : null}
                </View>
                {p.note ? (
                  <Notice tone="info" id="poster-note">
                    <Text>{p.note}</Text>
                  </Notice>
                ) : null}
              </View>
            ) : null}
            {WEAPP ? <Canvas type="2d" id={POSTER_CANVAS_ID} className="poster-canvas" /> : null}
          </View>
        )}
      </Loaded>
    </PageShell>
  );
}
