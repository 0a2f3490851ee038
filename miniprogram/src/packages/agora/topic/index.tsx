import { Text, View } from '@tarojs/components';
// straight from its file, not @linli/shared's barrel, so the contract ships in this subpackage
import { COMMENT_MAX } from '../../../../../shared/src/contracts/deliberation.contract';
import { AppButton } from '../../../components/app-button';
import { LinkRow } from '../../../components/choice';
import { Loaded } from '../../../components/loaded';
import { PageShell } from '../../../components/page-shell';
import { Section } from '../../../components/section';
import { FormError, Notice } from '../../../components/states';
import { TextField } from '../../../components/text-field';
import { StepList, VoteResult } from '../../../features/deliberation/deliberation-views';
import { useTopicPage } from '../../../features/deliberation/use-deliberation';
import { formatDateTime } from '../../../services/format';
import { goTo } from '../../../services/routes';

export default function AgoraTopicPage() {
  const p = useTopicPage();
  return (
    <PageShell id="agora-topic">
      <Loaded what={p.topic} loadingId="topic-loading">
        {(t) => (
          <>
            <Section id="topic-head" title={t.title} extra={<Text id="topic-stage">{t.stageLabel}</Text>}>
              <Text className="muted block">
                {t.placeName} · {t.proposerName} 提出 · {formatDateTime(t.createdAt)}
              </Text>
              <Text className="block pre-line" id="topic-body-text">
                {t.body}
              </Text>
              {t.fromRequests.length ? <Text className="muted block">由 {t.fromRequests.length} 件居民诉求转来</Text> : null}
              {t.refusedReason ? (
                <Notice tone="warn" id="topic-refused">
                  <Text>{t.refusedReason}</Text>
                </Notice>
              ) : null}
              <Text className="block" id="topic-supports">
                附议 {t.supports}/{t.threshold} 人{t.stage === 'open' ? `，还差 ${Math.max(0, t.threshold - t.supports)} 人列入议程` : ''}
              </Text>
              {t.stage === 'open' || t.stage === 'agenda' || t.stage === 'deciding' ? (
                <AppButton id="topic-support" disabled={t.supportedByMe} busy={p.guard.busy === 'support'} onClick={p.support}>
                  {t.supportedByMe ? '您已附议' : '附议'}
                </AppButton>
              ) : null}
              {p.done ? (
                <Notice tone="info" id="topic-done">
                  <Text>{p.done}</Text>
                </Notice>
              ) : null}
              <FormError error={p.guard.error} id="topic-error" />
              {t.mayRecord.length || t.canManage ? (
                <LinkRow
                  id="topic-staff"
                  title="议决工作台（工作人员）"
                  sub={t.nextStepLabel ? `下一步：${t.nextStepLabel}` : '会议、入户投票'}
                  onClick={goTo('agora-staff/steps', { id: t.id })}
                />
              ) : null}
            </Section>
            <StepList topic={t} />
            <Loaded what={p.votes} loadingId="votes-loading">
              {(d) =>
                d.votes.length ? (
                  <Section id="topic-votes" title="入户投票（每户一票）">
                    {d.votes.map((v) => (
                      <View key={v.id} className="vote" id={`vote-${v.id}`}>
                        <Text className="h3 block">{v.question}</Text>
                        <VoteResult v={v} />
                        {v.mine ? (
                          <Text className="block strong" id={`vote-mine-${v.id}`}>
                            您家已投：{v.options[v.mine.option]}
                            {v.mine.source === 'paper' ? '（纸质选票）' : ''}
                          </Text>
                        ) : null}
                        {v.open && (!v.mine || v.changeable)
                          ? v.options.map((o, i) => (
                              <AppButton
                                key={o}
                                id={`cast-${v.id}-${i}`}
                                variant="secondary"
                                busy={p.guard.busy === `cast-${v.id}-${i}`}
                                onClick={() => p.cast(v.id, i)}
                              >
                                {o}
                              </AppButton>
                            ))
                          : null}
                      </View>
                    ))}
                  </Section>
                ) : null
              }
            </Loaded>
            <Section id="topic-history" title="经过">
              {t.history.map((h, i) => (
                <Text key={i} className="block history-line">
                  {formatDateTime(h.at)} {h.by}：{h.what}
                </Text>
              ))}
            </Section>
            <Loaded what={p.comments} loadingId="comments-loading">
              {(d) => (
                <Section id="topic-comments" title={`意见建议（${d.comments.length}）`}>
                  {d.comments.map((c) => (
                    <View key={c.id} className="comment" id={`comment-${c.id}`}>
                      <Text className="block">
                        {c.name}：{c.text}
                        {c.adopted ? ' 【已采纳】' : ''}
                      </Text>
                      {t.canManage && !c.adopted ? (
                        <Text className="link" id={`adopt-${c.id}`} onClick={() => p.adopt(c.id)}>
                          采纳这条建议
                        </Text>
                      ) : null}
                    </View>
                  ))}
                  {t.stage !== 'decided' && t.stage !== 'carriedOut' && t.stage !== 'refused' ? (
                    <>
                      <TextField id="comment-text" label="发表意见" value={p.text} onChange={p.setText} limit={COMMENT_MAX} multiline />
                      <AppButton id="comment-submit" busy={p.guard.busy === 'comment'} onClick={p.comment}>
                        发表
                      </AppButton>
                    </>
                  ) : null}
                </Section>
              )}
            </Loaded>
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
