import { randomUUID } from 'node:crypto';
import type { CloudBase } from '@cloudbase/node-sdk';
import type { Files, StoredFile } from '../../ports/files';

/** The few storage calls of node-sdk's CloudBase app that the Files port needs. */
export type StorageApp = Pick<CloudBase, 'getFileInfo' | 'uploadFile' | 'getTempFileURL' | 'downloadFile'>;

/** How long an export link stays valid: long enough to open it, short enough not to leak a ledger. */
const LINK_SECONDS = 600;
/** WeChat fetches a checked image asynchronously: the link must outlive its queue. */
const MEDIA_CHECK_SECONDS = 24 * 3600;

/**
 * The Files port on CloudBase cloud storage. Photos are uploaded by the app itself
 * (Taro.cloud.uploadFile); the functions only read what is known of them and store exports.
 */
export function cloudbaseFiles(app: StorageApp): Files & { mediaUrl(fileId: string): Promise<string> } {
  const tempUrl = async (fileId: string, maxAge: number) => {
    const { fileList } = await app.getTempFileURL({ fileList: [{ fileID: fileId, maxAge }] });
    const url = fileList[0]?.tempFileURL;
    if (!url) throw new Error(`no download link for ${fileId}`);
    return url;
  };
  return {
    /** A link WeChat's mediaCheckAsync fetches the image from, some time after the call. */
    mediaUrl: (fileId) => tempUrl(fileId, MEDIA_CHECK_SECONDS),
    async stat(fileId): Promise<StoredFile | null> {
      if (!fileId.startsWith('cloud://')) return null;
      const { fileList } = await app.getFileInfo({ fileList: [fileId] });
      const info = fileList[0];
      if (!info || (info.code && info.code !== 'SUCCESS')) return null;
      return { id: fileId, contentType: info.contentType ?? info.mime ?? '', size: info.size ?? 0 };
    },
    async bytes(fileId) {
      if (!fileId.startsWith('cloud://')) return null;
      try {
        const { fileContent } = await app.downloadFile({ fileID: fileId });
        return typeof fileContent === 'string' || !fileContent ? null : new Uint8Array(fileContent);
      } catch {
        // node-sdk throws for a file that is not there (STORAGE_FILE_NONEXIST)
        return null;
      }
    },
    async save(file) {
      // an unguessable folder: a client that holds a cloud file id can read the file (storage rule
      // 所有用户可读), and only whoever made the export is ever given this one
      const cloudPath = `exports/${new Date().toISOString().slice(0, 10)}/${randomUUID()}/${file.name}`;
      const { fileID } = await app.uploadFile({ cloudPath, fileContent: Buffer.from(file.bytes) });
      return fileID;
    },
    downloadUrl: (fileId) => tempUrl(fileId, LINK_SECONDS),
  };
}
