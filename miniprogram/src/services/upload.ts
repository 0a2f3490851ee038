import Taro from '@tarojs/taro';
import { CloudError } from './cloud';
import { devIdentityHeaders } from './dev-identity';

/**
 * Stores a file the person picked and answers its file id: cloud storage in WeChat
 * (Taro.cloud.uploadFile, a cloud:// id), the local host's POST /dev/upload in the browser build
 * (which checks type and size like the function will). Both features that upload use this.
 */
export async function uploadFile(filePath: string, options: { folder: string; name: string; extension: string }): Promise<string> {
  if (process.env.TARO_ENV !== 'h5') {
    try {
      const { fileID } = await Taro.cloud.uploadFile({
        cloudPath: `${options.folder}/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.${options.extension}`,
        filePath,
      });
      return fileID;
    } catch {
      throw new CloudError('COMMON.NETWORK');
    }
  }
  let body: Blob;
  try {
    body = await (await fetch(filePath)).blob();
  } catch {
    throw new CloudError('COMMON.NETWORK');
  }
  let answer: { ok: boolean; data?: { fileId: string }; error?: { code: string; details?: unknown } };
  try {
    const response = await fetch('/dev/upload', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(options.name), ...devIdentityHeaders() },
      body,
    });
    answer = (await response.json()) as typeof answer;
  } catch {
    throw new CloudError('COMMON.NETWORK');
  }
  if (!answer.ok || !answer.data)
    throw new CloudError((answer.error?.code ?? 'COMMON.INTERNAL') as CloudError['code'], answer.error?.details);
  return answer.data.fileId;
}
