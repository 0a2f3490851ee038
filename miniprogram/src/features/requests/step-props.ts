import type { RequestDetail } from '@linli/shared';

/** What every step form of a request takes: the request, where its answer goes, and (for staff) the moment of work. */
export interface StepFormProps {
  r: RequestDetail;
  onDone: (r: RequestDetail) => void;
  /** Runs first thing in the tap of the step (it may show WeChat's subscribe dialog). */
  onWork?: () => void;
}
