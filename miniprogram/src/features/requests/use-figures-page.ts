import type { Period } from '@linli/shared';
import { useState } from 'react';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud, type CloudOutput } from '../../services/cloud';
import { openDownload } from './files';

type Exported = CloudOutput<'requests', 'exportLedger'>;

/** A place's figures for a period, the places below it, and the 台账 export (one at a time). */
export function useFiguresPage(placeId: string) {
  const [period, setPeriod] = useState<Period>('month');
  const figures = useAsync(() => callCloud('requests', 'figures', { placeId, period }), [placeId, period]);
  const guard = useGuarded();
  const [exported, setExported] = useState<Exported | null>(null);

  const exportLedger = async (): Promise<void> => {
    await guard.run(async () => {
      const out = await callCloud('requests', 'exportLedger', { placeId, period });
      setExported(out);
      await openDownload(out);
    });
  };

  return { period, setPeriod, figures, exported, exporting: guard.busy !== null, error: guard.error, exportLedger };
}
