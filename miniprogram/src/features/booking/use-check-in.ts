import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { BookingView } from '@linli/shared';
import { callCloud, toCloudError, type CloudError } from '../../services/cloud';
import { decodeParam } from '../../services/format';

/** Check-in at a community's counter: scan the resident's QR code (WeChat) or type the code. */
export function useCheckIn(communityIdFromScope: string | null) {
  const params = useRouter().params;
  const communityId = decodeParam(params.communityId) || communityIdFromScope;
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const [error, setError] = useState<CloudError | null>(null);
  const [last, setLast] = useState<BookingView | null>(null);

  async function submit(value = code): Promise<void> {
    if (busyRef.current || !communityId) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    setLast(null);
    try {
      const { booking } = await callCloud('booking', 'checkIn', { communityId, code: value });
      setLast(booking);
      // ready for the next person in the queue
      setCode('');
    } catch (e) {
      setError(toCloudError(e));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  async function scan(): Promise<void> {
    try {
      const result = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      setCode(result.result);
      await submit(result.result);
    } catch {
      // closed the camera: nothing to do
    }
  }

  return { communityId, code, setCode, busy, error, last, submit: () => void submit(), scan: () => void scan(), canScan: process.env.TARO_ENV === 'weapp' };
}
