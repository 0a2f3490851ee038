import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { BookingView } from '@linli/shared';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud } from '../../services/cloud';
import { decodeParam } from '../../services/format';
import { gatedCall } from '../../services/platform-call';

/** Check-in at a community's counter: scan the resident's QR code (WeChat) or type the code. */
export function useCheckIn(communityIdFromScope: string | null) {
  const params = useRouter().params;
  const communityId = decodeParam(params.communityId) || communityIdFromScope;
  const [code, setCode] = useState('');
  const guard = useGuarded();
  const [last, setLast] = useState<BookingView | null>(null);

  async function submit(value = code): Promise<void> {
    if (guard.isRunning() || !communityId) return;
    setLast(null);
    await guard.run(async () => {
      const { booking } = await callCloud('booking', 'checkIn', { communityId, code: value });
      setLast(booking);
      // ready for the next person in the queue
      setCode('');
    });
  }

  async function scan(): Promise<void> {
    // closed the camera: nothing; camera refused: told why, and the code can still be typed
    const result = await gatedCall('扫码', () => Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }));
    if (!result) return;
    setCode(result.result);
    await submit(result.result);
  }

  return {
    communityId,
    code,
    setCode,
    busy: guard.busy !== null,
    error: guard.error,
    last,
    submit: () => void submit(),
    scan: () => void scan(),
    canScan: process.env.TARO_ENV === 'weapp',
  };
}
