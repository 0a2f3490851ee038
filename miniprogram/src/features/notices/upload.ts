import Taro from '@tarojs/taro';
import type { Attachment } from '@linli/shared';
import { CloudError } from '../../services/cloud';
import { getDevOpenid } from '../../services/dev-identity';

/**
 * Uploads a chosen file and answers its file id: Taro.cloud.uploadFile in WeChat; the local
 * host's POST /dev/upload in the browser build (it takes images only, so PDFs are WeChat-only).
 */
export async function uploadAttachment(filePath: string, name: string, kind: Attachment['kind']): Promise<Attachment> {
  if (process.env.TARO_ENV === 'h5') {
    if (kind !== 'image') throw new CloudError('NOTICE.ATTACHMENT_INVALID', { name });
    const bytes = await (await fetch(filePath)).arrayBuffer();
    const headers: Record<string, string> = { 'x-file-name': encodeURIComponent(name) };
    const openid = getDevOpenid();
    if (openid) headers['x-linli-dev-openid'] = openid;
    const answer = (await (await fetch('/dev/upload', { method: 'POST', headers, body: bytes })).json()) as
      | { ok: true; data: { fileId: string } }
      | { ok: false; error: { code: string } };
    if (!answer.ok) throw new CloudError('NOTICE.ATTACHMENT_INVALID', { name });
    return { fileId: answer.data.fileId, name, kind };
  }
  const extension = kind === 'pdf' ? 'pdf' : (filePath.split('.').pop() ?? 'jpg');
  const { fileID } = await Taro.cloud.uploadFile({
    cloudPath: `notices/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.${extension}`,
    filePath,
  });
  return { fileId: fileID, name, kind };
}

/** Lets the publisher pick photos (camera or album) or, in WeChat, a PDF from a chat. */
export async function pickAttachments(kind: Attachment['kind'], room: number): Promise<{ path: string; name: string }[]> {
  if (kind === 'pdf') {
    const { tempFiles } = await Taro.chooseMessageFile({ count: Math.min(room, 3), type: 'file', extension: ['pdf'] });
    return tempFiles.map((f) => ({ path: f.path, name: f.name }));
  }
  const { tempFiles } = await Taro.chooseImage({ count: Math.min(room, 9), sizeType: ['compressed'] });
  return tempFiles.map((f, i) => ({ path: f.path, name: `图片${i + 1}.jpg` }));
}
