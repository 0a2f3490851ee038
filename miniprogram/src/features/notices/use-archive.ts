import { useRouter } from '@tarojs/taro';
import type { SunshineType } from '@linli/shared';
import { useState } from 'react';
import { useAsync } from '../../hooks/use-async';
import { callCloud } from '../../services/cloud';
import { decodeParam } from '../../services/format';

/** A community's 阳光三务 archive: one month at a time, all types or one. */
export function useArchive() {
  const communityId = decodeParam(useRouter().params.communityId);
  const [month, setMonth] = useState<string | undefined>(undefined);
  const [type, setType] = useState<SunshineType | undefined>(undefined);
  const archive = useAsync(
    communityId ? () => callCloud('notices', 'archive', { communityId, ...(month ? { month } : {}), ...(type ? { type } : {}) }) : null,
    [communityId, month, type],
  );
  return { communityId, archive, month: month ?? archive.state.data?.month ?? null, type: type ?? null, setMonth, setType };
}

/** 2026-11 → 2026年11月 */
export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
