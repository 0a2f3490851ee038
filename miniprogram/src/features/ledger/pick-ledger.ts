import Taro from '@tarojs/taro';
import { gatedCall } from '../../services/platform-call';
import { uploadFile } from '../../services/upload';

export type PickedFile = { path: string; name: string; size: number };

/** The browser build: a file input, opened from the tap (the browser asks for a tap too). */
function pickInBrowser(): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    input.id = 'ledger-file-input';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { path: URL.createObjectURL(file), name: file.name, size: file.size } : null);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/**
 * Lets staff pick their filled ledger: in WeChat from a chat (the file sent to themselves or a
 * group, chooseMessageFile), in the browser from a file input. Null when they cancelled or were
 * refused (and told why).
 */
export async function pickLedgerFile(): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser();
  const res = await gatedCall('聊天文件', () => Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] }));
  const f = res?.tempFiles[0];
  return f ? { path: f.path, name: f.name, size: f.size } : null;
}

/** Stores the picked ledger through the upload path every feature uses, and answers its file id. */
export const uploadLedger = (file: PickedFile) => uploadFile(file.path, { folder: 'ledger', name: file.name, extension: 'xlsx' });
