import Taro from '@tarojs/taro';
import { MAX_PHOTO_BYTES } from '@linli/shared';
import { CloudError } from '../../services/cloud';
import { getDevOpenid } from '../../services/dev-identity';

/** Where a stored file can be shown: WeChat reads cloud:// ids itself, the local host serves the rest. */
export const fileUrl = (fileId: string) =>
  fileId.startsWith('cloud://') || fileId.startsWith('http') ? fileId : `/dev/files/${encodeURIComponent(fileId)}`;

/**
 * Uploads a photo the resident picked and answers its file id. In WeChat it goes to cloud storage
 * (Taro.cloud.uploadFile); in the browser build to the local host, which checks type and size.
 */
export async function uploadPhoto(tempFilePath: string, size: number): Promise<string> {
  if (size > MAX_PHOTO_BYTES) throw new CloudError('REQUEST.PHOTO_TOO_LARGE');
  if (process.env.TARO_ENV === 'weapp') {
    const ext = /\.(jpe?g|png|webp)$/i.exec(tempFilePath)?.[1]?.toLowerCase() ?? 'jpg';
    try {
      const { fileID } = await Taro.cloud.uploadFile({
        cloudPath: `requests/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.${ext}`,
        filePath: tempFilePath,
      });
      return fileID;
    } catch {
      throw new CloudError('COMMON.NETWORK');
    }
  }
  let body: Blob;
  try {
    body = await (await fetch(tempFilePath)).blob();
  } catch {
    throw new CloudError('REQUEST.PHOTO_NOT_FOUND');
  }
  const headers: Record<string, string> = {
    'content-type': 'application/octet-stream',
    'x-file-name': encodeURIComponent(tempFilePath.split('/').pop() ?? 'photo'),
  };
  const devOpenid = getDevOpenid();
  if (devOpenid) headers['x-linli-dev-openid'] = devOpenid;
  let answer: { ok: boolean; data?: { fileId: string }; error?: { code: string; details?: unknown } };
  try {
    answer = (await (await fetch('/dev/upload', { method: 'POST', headers, body })).json()) as typeof answer;
  } catch {
    throw new CloudError('COMMON.NETWORK');
  }
  if (!answer.ok || !answer.data)
    throw new CloudError((answer.error?.code ?? 'COMMON.INTERNAL') as CloudError['code'], answer.error?.details);
  return answer.data.fileId;
}

/** Opens a file the functions made (the ledger): a download in the browser, the document viewer in WeChat. */
export async function openDownload(url: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    return;
  }
  const { tempFilePath } = await Taro.downloadFile({ url });
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
}
