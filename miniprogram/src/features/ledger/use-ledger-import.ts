import { useState } from 'react';
import type { LedgerDryRun } from '@linli/shared';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud, CloudError } from '../../services/cloud';
import { newIdempotencyKey } from '../../services/idempotency';
import { openDownload } from '../requests/files';
import { pickLedgerFile, uploadLedger } from './pick-ledger';

/** A ledger larger than this is refused before it is uploaded (the functions refuse it too). */
const MAX_BYTES = 10 * 1024 * 1024;

export type Progress = { written: number; toWrite: number; done: boolean };

/**
 * The household ledger for one compound: download the template; pick and upload a filled ledger
 * and see its dry run (one key per upload, so a retry is the same dry run); confirm, which applies
 * it chunk by chunk, calling again until the functions say it is done. One action at a time.
 */
export function useLedgerImport(compoundId: string | null) {
  const guard = useGuarded<'template' | 'upload' | 'result' | 'apply'>();
  const [run, setRun] = useState<LedgerDryRun | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);

  const downloadTemplate = async (): Promise<void> => {
    if (!compoundId) return;
    await guard.run(async () => {
      await openDownload(await callCloud('places', 'ledgerTemplate', { compoundId }));
    }, 'template');
  };

  const upload = async (): Promise<void> => {
    if (!compoundId || guard.isRunning()) return;
    const file = await pickLedgerFile();
    if (!file) return;
    await guard.run(async () => {
      if (file.size > MAX_BYTES) throw new CloudError('REQUEST.PHOTO_TOO_LARGE', { maxBytes: MAX_BYTES, size: file.size });
      setRun(null);
      setProgress(null);
      const fileId = await uploadLedger(file);
      setRun(await callCloud('places', 'ledgerDryRun', { key: newIdempotencyKey(), compoundId, fileId }));
    }, 'upload');
  };

  const downloadResult = async (): Promise<void> => {
    if (!run) return;
    await guard.run(() => openDownload({ fileId: run.resultFileId, url: run.resultUrl, fileName: run.resultFileName }), 'result');
  };

  const confirm = async (): Promise<void> => {
    if (!run) return;
    await guard.run(async () => {
      let answer: Progress = { written: 0, toWrite: run.toWrite, done: false };
      // each call writes what fits in its time; a dropped call is simply made again
      for (let calls = 0; !answer.done && calls < 500; calls++) {
        answer = await callCloud('places', 'ledgerApply', { importId: run.importId });
        setProgress(answer);
      }
    }, 'apply');
  };

  return {
    run,
    progress,
    busy: guard.busy,
    error: guard.error,
    downloadTemplate,
    upload,
    downloadResult,
    confirm,
  };
}
