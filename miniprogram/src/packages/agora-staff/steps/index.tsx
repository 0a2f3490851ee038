import { Text, View } from '@tarojs/components';
import { basesOf, COMMUNITY_KIND_LABELS, MEETING_BASE_LABELS, MEETING_TYPE_LABELS, STEP_MEETINGS } from '@linli/shared';
import { AppButton } from '../../../components/app-button';
import { Chips, LinkRow } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError, Notice } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { StepList } from '../../../features/deliberation/deliberation-views';
import { useStepsPage } from '../../../features/deliberation/use-deliberation';
import { formatDateTime } from '../../../services/format';
import { goTo } from '../../../services/routes';

export default function AgoraStepsPage() {
  const p = useStepsPage();
  return (
    <PageShell id="agora-steps">
      <Loaded what={p.topic} loadingId="steps-loading">
        {(t) => {
          const next = t.nextStep;
          const meetingTypes = next ? (STEP_MEETINGS[next] ?? []) : [];
          const decidedByOutcome = next === 'partyProposal' || next === 'streetReview';
          return (
            <>
              <Section id="steps-head" title={t.title} extra={t.stageLabel}>
                {p.done ? (
                  <Notice tone="info" id="steps-done">
                    <Text>{p.done}</Text>
                  </Notice>
                ) : null}
                <FormError error={p.guard.error} id="steps-error" />
              </Section>
              {next && t.mayRecord.includes(next) ? (
                <Section id="record-step" title={`记录：${t.nextStepLabel}`}>
                  <TextField
                    id="step-date"
                    label="日期（年-月-日）"
                    value={p.form.date}
                    onChange={(date) => p.setForm({ ...p.form, date })}
                  />
                  <TextField
                    id="step-minutes"
                    label={next.startsWith('publish') ? '公开内容（决议或实施情况）' : '会议记录'}
                    value={p.form.minutes}
                    onChange={(minutes) => p.setForm({ ...p.form, minutes })}
                    multiline
                  />
                  {decidedByOutcome ? (
                    <Chips
                      idPrefix="step-outcome"
                      options={[
                        { value: 'approved', label: '同意' },
                        { value: 'refused', label: '不同意（议题结束）' },
                      ]}
                      value={p.form.outcome}
                      onChange={(outcome) => p.setForm({ ...p.form, outcome })}
                    />
                  ) : null}
                  {p.form.outcome === 'refused' ? (
                    <TextField
                      id="step-reason"
                      label="不同意的原因（公开）"
                      value={p.form.reason}
                      onChange={(reason) => p.setForm({ ...p.form, reason })}
                    />
                  ) : null}
                  {meetingTypes.length ? (
                    <Loaded what={p.meetings} loadingId="step-meetings-loading">
                      {(d) => (
                        <View>
                          <Text className="field-label">这一步的会议（表决结果自动带入）</Text>
                          <Chips
                            idPrefix="step-meeting"
                            options={d.meetings
                              .filter((m) => meetingTypes.includes(m.type) && m.tally)
                              .map((m) => ({ value: m.id, label: `${m.title}（${m.tally?.passed ? '通过' : '未通过'}）` }))}
                            value={p.form.meetingId}
                            onChange={(meetingId) => p.setForm({ ...p.form, meetingId, voteId: '' })}
                          />
                        </View>
                      )}
                    </Loaded>
                  ) : null}
                  {next === 'residentsResolution' ? (
                    <Loaded what={p.votes} loadingId="step-votes-loading">
                      {(d) => (
                        <View>
                          <Text className="field-label">或用已截止的入户投票</Text>
                          <Chips
                            idPrefix="step-vote"
                            options={d.votes.filter((v) => v.closed).map((v) => ({ value: v.id, label: v.question }))}
                            value={p.form.voteId}
                            onChange={(voteId) => p.setForm({ ...p.form, voteId, meetingId: '' })}
                          />
                        </View>
                      )}
                    </Loaded>
                  ) : null}
                  {next === 'publishImplementation' ? (
                    <TextField
                      id="step-spent"
                      label="支出金额（元）"
                      type="digit"
                      value={p.form.spent}
                      onChange={(spent) => p.setForm({ ...p.form, spent })}
                    />
                  ) : null}
                  <AppButton id="step-submit" busy={p.guard.busy === 'record'} onClick={() => p.record(next)}>
                    {p.guard.busy === 'record' ? '正在记录…' : `记录“${t.nextStepLabel}”`}
                  </AppButton>
                </Section>
              ) : next ? (
                <Notice tone="info" id="steps-not-yours">
                  <Text>下一步“{t.nextStepLabel}”要由负责这一步的人员记录。</Text>
                </Notice>
              ) : null}
              <StepList topic={t} />
              <Section id="meetings" title="会议">
                <Loaded what={p.meetings} loadingId="meetings-loading">
                  {(d) => (
                    <View>
                      {d.meetings.map((m) => (
                        <LinkRow
                          key={m.id}
                          id={`meeting-${m.id}`}
                          title={`${m.title}（${m.typeLabel}）`}
                          sub={`${formatDateTime(m.startsAt)} ${m.place} · 实到 ${m.quorum.present}/${m.quorum.expected}，法定 ${m.quorum.needed}${m.tally ? ` · 已表决` : ''}`}
                          onClick={goTo('agora-staff/meeting', { id: m.id })}
                        />
                      ))}
                    </View>
                  )}
                </Loaded>
                <Text className="field-label">会议类型</Text>
                <Text className="muted block" id="meeting-law">
                  本社区类型：{COMMUNITY_KIND_LABELS[p.kind]}
                </Text>
                <Chips
                  idPrefix="meeting-type"
                  options={p.meetingTypes.map((m) => ({ value: m, label: MEETING_TYPE_LABELS[m] }))}
                  value={p.meeting.type}
                  onChange={p.pickType}
                />
                <Text className="field-label">到会人数按谁计算</Text>
                <Chips
                  idPrefix="meeting-base"
                  options={basesOf(p.meeting.type).map((b) => ({ value: b, label: MEETING_BASE_LABELS[b] }))}
                  value={p.meeting.base}
                  onChange={p.pickBase}
                />
                {p.rule ? (
                  <Notice tone="info" id="meeting-rule">
                    <Text className="block">
                      {p.rule.text}（{p.rule.source}）
                    </Text>
                  </Notice>
                ) : null}
                <TextField
                  id="meeting-title"
                  label="会议名称"
                  value={p.meeting.title}
                  onChange={(title) => p.setMeeting({ ...p.meeting, title })}
                />
                <TextField
                  id="meeting-time"
                  label="时间（年-月-日T时:分）"
                  value={p.meeting.startsAt}
                  onChange={(startsAt) => p.setMeeting({ ...p.meeting, startsAt })}
                />
                <TextField
                  id="meeting-place"
                  label="地点"
                  value={p.meeting.place}
                  onChange={(place) => p.setMeeting({ ...p.meeting, place })}
                />
                <AppButton id="meeting-schedule" variant="secondary" busy={p.guard.busy === 'schedule'} onClick={p.schedule}>
                  安排会议并通知参会人
                </AppButton>
              </Section>
              <Section id="votes" title="入户投票">
                <Loaded what={p.votes} loadingId="votes-loading">
                  {(d) => (
                    <View>
                      {d.votes.map((v) => (
                        <LinkRow
                          key={v.id}
                          id={`vote-row-${v.id}`}
                          title={v.question}
                          sub={`${v.result.ballots}/${v.households} 户 · ${v.closed ? '已截止' : '进行中'}`}
                          onClick={goTo('agora-staff/vote', { id: v.id })}
                        />
                      ))}
                    </View>
                  )}
                </Loaded>
                <TextField
                  id="vote-question"
                  label="表决事项"
                  value={p.vote.question}
                  onChange={(question) => p.setVote({ ...p.vote, question })}
                />
                <TextField
                  id="vote-options"
                  label="选项（用逗号分开，第一个是提议本身）"
                  value={p.vote.options}
                  onChange={(options) => p.setVote({ ...p.vote, options })}
                />
                <TextField
                  id="vote-closes"
                  label="截止时间（年-月-日T时:分）"
                  value={p.vote.closesAt}
                  onChange={(closesAt) => p.setVote({ ...p.vote, closesAt })}
                />
                <AppButton id="vote-open" variant="secondary" busy={p.guard.busy === 'openVote'} onClick={p.openVote}>
                  发起入户投票（每户一票）
                </AppButton>
              </Section>
            </>
          );
        }}
      </Loaded>
    </PageShell>
  );
}
