/**
 * Where a run of a cloud function comes from, as the platform (never the payload) says:
 * - `openid`: WeChat's OPENID of the person whose phone called (WX_OPENID), or null;
 * - `appid`: the mini-program's appid the platform runs the call for (WX_APPID), or null;
 * - `timer`: true only when the platform itself marks the run as timer-triggered (CloudBase sets
 *   TRIGGER_SRC=timer for it; node-sdk picks the timer's cloud-call token by the same mark).
 * Locally the host builds it: the dev identity header for the openid, `timer` for its own timers.
 */
export interface Origin {
  openid: string | null;
  appid?: string | null;
  timer?: boolean;
}

/** A phone's call (or the local host's dev identity): just an openid. */
export const fromPhone = (openid: string | null): Origin => ({ openid });

/** The platform's timer trigger, as the local host and tests run it. */
export const fromTimer: Origin = { openid: null, timer: true };
