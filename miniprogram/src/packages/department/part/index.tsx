import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  CATEGORY_CONFIG,
  countdownText,
  deadlineText,
  DISPATCH_ROLE_LABELS,
  DISPATCH_STATUS_LABELS,
  REQUEST_SOURCE_LABELS,
  type RequestDetail,
} from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { PhoneLink } from '../../../components/phone-link';
import { Section } from '../../../components/section';
import { FormError, Notice } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { usePart } from '../../../features/departments/use-part';
import { PhotoGrid } from '../../../features/requests/photo-grid';
import { PhotoPicker } from '../../../features/requests/photo-picker';
import { Timeline } from '../../../features/requests/timeline';
import { decodeParam } from '../../../services/format';

/** One department's part: the problem, its deadlines, and the step it can take now. */
export default function DepartmentPartPage() {
  const f = usePart(decodeParam(useRouter().params.id));
  return (
    <Loaded what={f.part} shell>
      {({ part: p, events, now }) => {
        const r = p.request;
        const canReturn = p.status === 'pending' && !p.final && now <= p.returnBy;
        return (
          <PageShell id="department-part">
            <Section
              id="part-status"
              title={`${p.departmentName} · ${DISPATCH_ROLE_LABELS[p.role]}`}
              extra={DISPATCH_STATUS_LABELS[p.status]}
            >
              {p.status === 'pending' ? (
                <Text className={`block h3 ${p.reportBy < now ? 'text-danger' : ''}`} id="report-deadline">
                  请于 {deadlineText(p.reportBy)} 前到现场报到（{countdownText(p.reportBy, now)}）
                </Text>
              ) : null}
              {p.status === 'arrived' ? (
                <Text className="block" id="arrived-at">
                  已报到 {deadlineText(p.arrivedAt ?? now)}
                  {p.arrivedOnTime ? '（按时）' : '（超时）'} · 办结期限 {deadlineText(p.resolveBy)}
                </Text>
              ) : null}
              {p.status === 'returned' ? <Text className="block">已退单：{p.returnReason}</Text> : null}
              {p.escalations ? (
                <Notice tone="warn" id="part-escalated">
                  <Text>已被督办 {p.escalations} 次，请尽快处理。</Text>
                </Notice>
              ) : null}
              {p.note ? <Text className="muted block">派单说明：{p.note}</Text> : null}
              <Text className="muted block">
                派单：{p.dispatchedBy.label} {p.dispatchedBy.name}
              </Text>
            </Section>
            <Section id="part-request" title="反映的问题">
              <Text className="block">
                {r.emergency ? '【紧急】' : ''}
                {CATEGORY_CONFIG[r.category].label}：{r.description}
              </Text>
              <Text className="muted block">
                {r.location} · 来源：{REQUEST_SOURCE_LABELS[r.source]}
              </Text>
              {r.photos.length ? <PhotoGrid photos={r.photos} /> : null}
              <Text className="block top-gap-small">反映人：{r.reporterName}</Text>
              {r.reporterPhone ? (
                <View className="top-gap-small" id="call-reporter">
                  <PhoneLink phone={r.reporterPhone} label="打给反映人" />
                </View>
              ) : null}
            </Section>
            {p.status === 'pending' ? (
              <Section id="arrive-form" title="到现场报到">
                <Text className="muted block">拍一张现场照片，报到时间以系统时间为准。</Text>
                <PhotoPicker photos={f.photos} onChange={f.setPhotos} max={3} />
                <AppButton id="btn-arrive" busy={f.busy === 'arrive'} disabled={f.photos.length === 0} onClick={() => void f.act('arrive')}>
                  报到
                </AppButton>
              </Section>
            ) : null}
            {canReturn ? (
              <Section id="return-form" title="不属于本部门职责？">
                <Text className="muted block">可以退单一次，须写明理由，{deadlineText(p.returnBy)} 前有效。报到后不能退单。</Text>
                <TextField id="return-reason" label="退单理由" value={f.text} onChange={f.setText} limit={200} multiline />
                <AppButton id="btn-return" variant="danger" busy={f.busy === 'return'} onClick={() => void f.act('return')}>
                  退单
                </AppButton>
              </Section>
            ) : null}
            {p.status === 'arrived' && p.role === 'lead' ? (
              <Section id="lead-form" title="办理（主办）">
                <TextField id="part-text" label="进展或办理结果" value={f.text} onChange={f.setText} limit={300} multiline />
                <PhotoPicker photos={f.photos} onChange={f.setPhotos} />
                <View className="stack full-width">
                  <AppButton id="btn-progress" variant="secondary" busy={f.busy === 'progress'} onClick={() => void f.act('progress')}>
                    告诉居民进展
                  </AppButton>
                  <AppButton id="btn-resolve" busy={f.busy === 'resolve'} onClick={() => void f.act('resolve')}>
                    已办结，反馈结果
                  </AppButton>
                </View>
              </Section>
            ) : null}
            {p.status === 'arrived' && p.role !== 'lead' ? (
              <Section id="co-form" title="协办意见">
                <TextField id="part-text" label="本部门办理的部分" value={f.text} onChange={f.setText} limit={300} multiline />
                <AppButton id="btn-contribute" busy={f.busy === 'contribute'} onClick={() => void f.act('contribute')}>
                  提交协办意见
                </AppButton>
              </Section>
            ) : null}
            <FormError error={f.error} id="part-error" />
            <Section id="timeline" title="办理经过">
              <Timeline events={events as RequestDetail['timeline']} />
            </Section>
          </PageShell>
        );
      }}
    </Loaded>
  );
}
