import { Text, View } from '@tarojs/components';
import { AppButton } from '../../components/app-button';
import { PageShell } from '../../components/page-shell';
import { Section } from '../../components/section';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { ServiceForm } from '../../features/catalogue/service-form';
import { ServiceItem } from '../../features/catalogue/service-item';
import { useCatalogueEditor } from '../../features/catalogue/use-catalogue-editor';
import { StaffScopeBar, useStaffPlace } from '../../features/identity/staff-scope';
import '../staff.css';

const FORBIDDEN = '维护便民服务需要社区工作人员身份。';

export default function StaffServicesPage() {
  const { drill, placeId, gate } = useStaffPlace('community', FORBIDDEN);
  const editor = useCatalogueEditor(placeId);
  const data = editor.list.state.data;

  if (gate) return gate;

  const form = (
    <ServiceForm
      key={editor.editing?.kind === 'edit' ? editor.editing.service._id : 'new'}
      service={editor.editing?.kind === 'edit' ? editor.editing.service : null}
      busy={editor.busy}
      error={editor.error}
      onCancel={() => editor.open(null)}
      onSubmit={(input) => void editor.save(input)}
    />
  );

  return (
    <PageShell>
      <StaffScopeBar drill={drill} target="community" />
      {!drill.done ? null : editor.list.state.status === 'error' && !data ? (
        <ErrorState error={editor.list.state.error} onRetry={editor.list.reload} />
      ) : !data ? (
        <LoadingState />
      ) : (
        <View id="catalogue-editor">
          <Section>
            <Text className="block">共 {data.services.length} 项服务。居民在“便民服务”里看到的就是这份目录。</Text>
            <View className="top-gap">
              {editor.editing?.kind === 'add' ? (
                form
              ) : (
                <AppButton id="btn-add-service" onClick={() => editor.open({ kind: 'add' })}>
                  ＋ 添加服务
                </AppButton>
              )}
            </View>
          </Section>
          {data.services.length === 0 ? <EmptyState text="还没有登记便民服务。" /> : null}
          {data.services.map((s) =>
            editor.editing?.kind === 'edit' && editor.editing.service._id === s._id ? (
              <View key={s._id} className="card">
                {form}
              </View>
            ) : (
              <ServiceItem
                key={s._id}
                service={s}
                actions={
                  <>
                    <AppButton
                      small
                      variant="secondary"
                      className="btn-edit-service"
                      onClick={() => editor.open({ kind: 'edit', service: s })}
                    >
                      修改
                    </AppButton>
                    <AppButton small variant="danger" className="btn-remove-service" onClick={() => void editor.remove(s)}>
                      删除
                    </AppButton>
                  </>
                }
              />
            ),
          )}
        </View>
      )}
    </PageShell>
  );
}
