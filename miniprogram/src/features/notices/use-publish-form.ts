import Taro from '@tarojs/taro';
import {
  DEFAULT_LIFETIME_DAYS,
  MAX_ATTACHMENTS,
  shanghaiInstant,
  type Attachment,
  type NoticeCategory,
  type SunshineType,
} from '@linli/shared';
import { useEffect, useRef, useState } from 'react';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud, toCloudError } from '../../services/cloud';
import { outlookParams } from './publish-banner';
import { pickAttachments, uploadAttachment } from './upload';
import { redirectTo } from '../../services/routes';
import { newIdempotencyKey } from '../../services/idempotency';

/** Choices of how long a notice stays in residents' lists. */
export const LIFETIME_CHOICES = [1, 3, 7, 14, 30] as const;

/**
 * The publish form. The request key is made once per form, so pressing 发布 twice (or the
 * network retrying) publishes once; a new key is made only after a success.
 */
export function usePublishForm() {
  const scopes = useAsync(() => callCloud('notices', 'scopes', {}), []);
  const [category, setCategory] = useState<NoticeCategory>('notice');
  const [sunshineType, setSunshineType] = useState<SunshineType | null>(null);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [targetIds, setTargetIds] = useState<string[]>([]);
  const [needsAck, setNeedsAck] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [scheduled, setScheduled] = useState(false);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('08:00');
  const [lifetimeDays, setLifetimeDays] = useState<number>(DEFAULT_LIFETIME_DAYS.notice);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const guard = useGuarded();
  const requestKey = useRef(newIdempotencyKey());

  // a point leader has one compound: start with it chosen
  const places = scopes.state.data?.places ?? [];
  useEffect(() => {
    if (targetIds.length === 0 && places.length > 0 && places[0]!.kind === 'compound') setTargetIds([places[0]!._id]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [places.length]);

  const chooseCategory = (c: NoticeCategory) => {
    setCategory(c);
    setLifetimeDays(DEFAULT_LIFETIME_DAYS[c]);
    if (c !== 'sunshine') setSunshineType(null);
    // an urgent notice is usually one people must confirm
    if (c === 'urgent') setNeedsAck(true);
  };

  const toggleTarget = (id: string) => setTargetIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  async function addAttachments(kind: Attachment['kind']): Promise<void> {
    const room = MAX_ATTACHMENTS - attachments.length;
    if (room <= 0 || uploading) return;
    const picked = await pickAttachments(kind, room);
    if (picked.length === 0) return; // closed the picker, or refused and told why
    setUploading(true);
    guard.setError(null);
    try {
      const uploaded: Attachment[] = [];
      for (const p of picked) uploaded.push(await uploadAttachment(p.path, p.name, kind));
      setAttachments((list) => [...list, ...uploaded].slice(0, MAX_ATTACHMENTS));
    } catch (e) {
      guard.setError(toCloudError(e));
    } finally {
      setUploading(false);
    }
  }

  const removeAttachment = (fileId: string) => setAttachments((list) => list.filter((a) => a.fileId !== fileId));

  function publishAt(): Date {
    return scheduled && date ? shanghaiInstant(date, time) : new Date();
  }

  async function publish(): Promise<void> {
    if (guard.isRunning()) return;
    const chosen = places.filter((p) => targetIds.includes(p._id));
    const answer = await Taro.showModal({
      title: scheduled ? '确定定时发布吗？' : '确定现在发布吗？',
      content: `发给：${chosen.map((p) => p.fullName).join('、') || '（还没选）'}\n开了微信提醒的居民会在微信里收到提醒。`,
      confirmText: '发布',
      cancelText: '再看看',
      confirmColor: '#c8102e',
    });
    if (!answer.confirm) return;
    await guard.run(async () => {
      const at = publishAt();
      const result = await callCloud('notices', 'publish', {
        requestKey: requestKey.current,
        title,
        body,
        category,
        ...(sunshineType ? { sunshineType } : {}),
        targetIds,
        needsAck,
        pinned,
        ...(scheduled ? { publishAt: at.toISOString() } : {}),
        expiresAt: new Date(at.getTime() + lifetimeDays * 24 * 3600_000).toISOString(),
        attachments,
      });
      requestKey.current = newIdempotencyKey();
      // the reach page tells how many a WeChat message will reach: only the publish answer knows
      void redirectTo('notices-admin/reach', { id: result.notice._id, fresh: true, ...outlookParams(result.messages) });
    });
  }

  return {
    scopes,
    places,
    form: { category, sunshineType, title, body, targetIds, needsAck, pinned, scheduled, date, time, lifetimeDays, attachments },
    set: {
      chooseCategory,
      setSunshineType,
      setTitle,
      setBody,
      toggleTarget,
      setNeedsAck,
      setPinned,
      setScheduled,
      setDate,
      setTime,
      setLifetimeDays,
    },
    addAttachments,
    removeAttachment,
    uploading,
    busy: guard.busy !== null,
    error: guard.error,
    publish,
  };
}
