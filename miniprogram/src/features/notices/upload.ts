import Taro from '@tarojs/taro';
import type { Attachment } from '@linli/shared';
import { CloudError } from '../../services/cloud';
import { gatedCall } from '../../services/platform-call';
import { uploadFile } from '../../services/upload';

/**
 * Uploads a chosen file and answers its file id: Taro.cloud.uploadFile in WeChat; the local
 * host's POST /dev/upload in the browser build (it takes images only, so PDFs are WeChat-only).
 */
export async function uploadAttachment(filePath: string, name: string, kind: Attachment['kind']): Promise<Attachment> {
  // the local host takes images only, so PDFs are WeChat-only
  if (process.env.TARO_ENV === 'h5' && kind !== 'image') throw new CloudError('NOTICE.ATTACHMENT_INVALID', { name });
  const extension = kind === 'pdf' ? 'pdf' : (filePath.split('.').pop() ?? 'jpg');
  try {
    return { fileId: await uploadFile(filePath, { folder: 'notices', name, extension }), name, kind };
  } catch (e) {
    if (e instanceof CloudError && e.code !== 'COMMON.NETWORK') throw new CloudError('NOTICE.ATTACHMENT_INVALID', { name });
    throw e;
  }
}

/**
 * Lets the publisher pick photos (camera or album) or, in WeChat, a PDF from a chat. Answers
 * nothing when they cancelled or were refused (and told why).
 */
export async function pickAttachments(kind: Attachment['kind'], room: number): Promise<{ path: string; name: string }[]> {
  if (kind === 'pdf') {
    const res = await gatedCall('聊天文件', () => Taro.chooseMessageFile({ count: Math.min(room, 3), type: 'file', extension: ['pdf'] }));
    return (res?.tempFiles ?? []).map((f) => ({ path: f.path, name: f.name }));
  }
  const res = await gatedCall('相册', () =>
    Taro.chooseMedia({
      count: Math.min(room, 9),
      mediaType: ['image'],
      sourceType: process.env.TARO_ENV === 'h5' ? ['album'] : ['album', 'camera'],
      sizeType: ['compressed'],
    }),
  );
  return (res?.tempFiles ?? []).map((f, i) => ({ path: f.tempFilePath, name: `图片${i + 1}.jpg` }));
}
