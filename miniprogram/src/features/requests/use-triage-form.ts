import type { RequestDetail, TriageTrack } from '@linli/shared';
import { useState } from 'react';
import { useAsync } from '../../hooks/use-async';
import { callCloud } from '../../services/cloud';
import { useRequestStep } from './use-request-step';

/**
 * 三事分流 (or, while it is being handled, 改派): the track, who handles it (from the candidates the
 * functions offer for that track) or the resident's guidance for a private matter, and 复杂事项.
 * `onWork` runs first thing in the tap (it may show WeChat's subscribe dialog).
 */
export function useTriageForm(r: RequestDetail, onDone: (r: RequestDetail) => void, onWork?: () => void) {
  const [track, setTrackState] = useState<TriageTrack>(r.track ?? r.suggestedTrack ?? 'minor');
  const [handler, setHandler] = useState<string | null>(null);
  const [guidance, setGuidance] = useState('');
  const [complex, setComplex] = useState(false);
  // while it is being handled, reassigning is the exception: keep it folded away
  const [unfolded, setUnfolded] = useState(r.status !== 'handling');
  const candidates = useAsync(unfolded ? () => callCloud('requests', 'handlers', { requestId: r.id }) : null, [r.id, unfolded]);
  const step = useRequestStep();

  const options = (candidates.state.data?.candidates ?? [])
    .filter((c) => track !== 'private' && c.tracks.includes(track))
    .map((c) => ({ id: c.openid, title: `${c.roleLabel} ${c.name}`, sub: c.placeName }));

  /** A handler chosen for one track does not carry over to another. */
  const setTrack = (t: TriageTrack) => {
    setTrackState(t);
    setHandler(null);
  };

  const canSubmit = track === 'private' || handler !== null;

  const submit = async (): Promise<void> => {
    onWork?.();
    const done = await step.run(() =>
      callCloud('requests', 'triage', {
        requestId: r.id,
        track,
        ...(track === 'private' ? { guidance } : { handlerOpenid: handler ?? '', complex }),
      }),
    );
    if (done) onDone(done);
  };

  return {
    track,
    setTrack,
    handler,
    setHandler,
    guidance,
    setGuidance,
    complex,
    setComplex,
    unfolded,
    unfold: () => setUnfolded(true),
    candidates,
    options,
    canSubmit,
    busy: step.busy,
    error: step.error,
    submit,
  };
}
