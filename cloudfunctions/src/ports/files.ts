/**
 * Files residents and staff attach (photos) and files the functions produce (ledger exports).
 * Production: CloudBase cloud storage (the app uploads with Taro.cloud.uploadFile and passes the
 * fileID). Locally: a folder under .data/uploads/ that the local host serves at /dev/files/<id>.
 */
export interface StoredFile {
  id: string;
  contentType: string;
  size: number;
  /** Who uploaded it, when known: a photo may only be attached by the person who uploaded it. */
  ownerOpenid?: string;
}

export interface Files {
  /** What is known of an uploaded file, or null when there is no such file. */
  stat(fileId: string): Promise<StoredFile | null>;
  /** The bytes of an uploaded file (a ledger to import), or null when there is no such file. */
  bytes(fileId: string): Promise<Uint8Array | null>;
  /** Stores a file the functions made and answers its id. */
  save(file: { name: string; contentType: string; bytes: Uint8Array; ownerOpenid?: string }): Promise<string>;
  /** A link the app can open to download the file (a temporary link in production). */
  downloadUrl(fileId: string): Promise<string>;
}
