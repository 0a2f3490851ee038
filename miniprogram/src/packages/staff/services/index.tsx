import { Text, View } from '@tarojs/components';
import type { CatalogueService } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { EmptyState, Notice } from '../../../components/states';
import { ServiceForm } from '../../../features/catalogue/service-form';
import { ServiceItem } from '../../../features/catalogue/service-item';
import { useCatalogueEditor } from '../../../features/catalogue/use-catalogue-editor';
import { StaffScopeBar, useStaffPlace } from '../../../features/identity/staff-scope';
import { goTo } from '../../../services/routes';
import '../staff.css';

const FORBIDDEN = '维护便民服务需要社区工作人员身份。';

/** What keeps a service marked 可预约 from being booked online, and the way to the schedule that fixes it. */
function ScheduleGap({ service }: { service: CatalogueService }) {
  if (!service.bookable || service.online === 'open' || service.online === 'off') return null;
  const text =
    service.online === 'noSchedule'
      ? '标了可预约，但还没有排班：居民现在看不到“在线预约”。'
      : '排班里最近可预约的日子都不开放：居民现在约不上。';
  return (
    <Notice tone="warn" className="service-schedule-gap">
      <Text className="block">{text}</Text>
      <View className="top-gap-small">
        <AppButton
          small
          variant="secondary"
          className="btn-set-schedule"
          onClick={goTo('booking-staff/schedule', { serviceId: service._id })}
        >
          {service.online === 'noSchedule' ? '去设置排班' : '去调整排班'}
        </AppButton>
      </View>
    </Notice>
  );
}

export default function StaffServicesPage() {
  const { drill, placeId, gate } = useStaffPlace('community', FORBIDDEN);
  const editor = useCatalogueEditor(placeId);

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
      {!drill.done ? null : (
        <Loaded what={editor.list}>
          {(data) => (
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
                    note={<ScheduleGap service={s} />}
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
        </Loaded>
      )}
    </PageShell>
  );
}
