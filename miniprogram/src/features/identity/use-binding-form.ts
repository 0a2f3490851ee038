import { useState } from 'react';
import type { Binding, PlaceSummary } from '@linli/shared';
import { callCloud, toCloudError, type CloudError } from '../../services/cloud';
import { askToSubscribe } from '../notices/subscribe';
import { invalidateMe } from './me-store';

/** identity.requestBinding with a guard against double taps: one request at a time; asks leave to message the answer. */
export function useBindingForm() {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CloudError | null>(null);
  const [submitted, setSubmitted] = useState<Binding | null>(null);

  const submit = async (household: PlaceSummary) => {
    if (busy) return;
    // first thing in the tap (WeChat shows its dialog only there): may we tell them the answer?
    // Its answer never stops the request
    const asked = askToSubscribe(['requestUpdate']).catch(() => null);
    setBusy(true);
    setError(null);
    try {
      const { binding } = await callCloud('identity', 'requestBinding', { householdId: household._id, name, phone });
      await asked;
      invalidateMe();
      setSubmitted(binding);
    } catch (e) {
      setError(toCloudError(e));
    } finally {
      setBusy(false);
    }
  };

  return { name, setName, phone, setPhone, busy, error, submitted, submit };
}
