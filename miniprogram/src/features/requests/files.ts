import Taro from '@tarojs/taro';
import { MAX_PHOTO_BYTES } from '@linli/shared';
import { CloudError } from '../../services/cloud';
import { uploadFile } from '../../services/upload';

/** Where a stored file can be shown: WeChat reads cloud:// ids itself, the local host serves the rest. */
export const fileUrl = (fileId: string) =>
  fileId.startsWith('cloud://') || fileId.startsWith('http') ? fileId : `/dev/files/${encodeURIComponent(fileId)}`;

/**
 * Uploads a photo the resident picked and answers its file id. In WeChat it goes to cloud storage
 * (Taro.cloud.uploadFile); in the browser build to the local host, which checks type and size.
 */
export async function uploadPhoto(tempFilePath: string, size: number): Promise<string> {
  if (size > MAX_PHOTO_BYTES) throw new CloudError('REQUEST.PHOTO_TOO_LARGE');
  const name = tempFilePath.split('/').pop() ?? 'photo';
  const extension = /\.(jpe?g|png|webp)$/i.exec(tempFilePath)?.[1]?.toLowerCase() ?? 'jpg';
  return uploadFile(tempFilePath, { folder: 'requests', name, extension });
}

/**
 * Opens a file the functions made (the ledger): a download in the browser, the document viewer in
 * WeChat. In WeChat it is fetched by its cloud file id (Taro.cloud.downloadFile), which needs no
 * download domain configured for the mini-program, unlike a plain download of its temporary link.
 */
export async function openDownload(file: { fileId: string; url: string; fileName: string }): Promise<void> {
  const { fileId, url, fileName } = file;
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    return;
  }
  const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: fileId });
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
}
