import { Text } from '@tarojs/components';
import { AppButton } from '../../../components/app-button';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { ErrorState, FormError, LoadingState, Notice } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { useVolunteerSettings } from '../../../features/volunteer/use-volunteer-staff';

export default function VolunteerSettingsPage() {
  const s = useVolunteerSettings();
  const d = s.shown;
  if (!d) {
    return (
      <PageShell id="volunteer-settings">
        {s.settings.state.status === 'error' ? (
          <ErrorState id="settings-error" error={s.settings.state.error} onRetry={s.settings.reload} />
        ) : (
          <LoadingState id="settings-loading" />
        )}
      </PageShell>
    );
  }
  return (
    <PageShell id="volunteer-settings">
      <Section title="志愿积分上限">
        <TextField
          id="cap-day"
          label="每人每天最多得多少分（不填：不限）"
          type="number"
          value={d.capPerDay}
          onChange={(v) => s.set('capPerDay', v)}
          maxlength={4}
        />
        <TextField
          id="cap-month"
          label="每人每月最多得多少分（不填：不限）"
          type="number"
          value={d.capPerMonth}
          onChange={(v) => s.set('capPerMonth', v)}
          maxlength={5}
        />
        <TextField
          id="points-life"
          label="积分有效期（月，不填：永久有效）"
          type="number"
          value={d.pointsLifeMonths}
          onChange={(v) => s.set('pointsLifeMonths', v)}
          maxlength={3}
          hint="超过有效期还没用的积分自动过期，先得的先过期，每人的积分明细里都有记录"
        />
      </Section>
      <Section title="十户联保">
        <TextField
          id="per-member"
          label="每位联户党员联系多少户（超过时提醒）"
          type="number"
          value={d.householdsPerMember}
          onChange={(v) => s.set('householdsPerMember', v)}
          maxlength={2}
        />
        <TextField
          id="visit-every"
          label="多少天没走访算未覆盖（7–180）"
          type="number"
          value={d.visitEveryDays}
          onChange={(v) => s.set('visitEveryDays', v)}
          maxlength={3}
        />
      </Section>
      {s.saved ? (
        <Notice tone="ok" id="settings-saved">
          <Text>已保存</Text>
        </Notice>
      ) : null}
      <FormError error={s.guard.error} />
      <AppButton id="btn-save-settings" busy={s.guard.busy !== null} onClick={s.save}>
        保存设置
      </AppButton>
    </PageShell>
  );
}
