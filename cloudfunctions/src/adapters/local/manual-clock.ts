import type { Clock } from '../../ports/clock';

/** A clock the local host and tests can move: `offsetMs` shifts real time, `frozen` stops it. */
export class ManualClock implements Clock {
  private offsetMs = 0;
  private frozen: Date | null = null;

  now(): Date {
    return this.frozen ? new Date(this.frozen) : new Date(Date.now() + this.offsetMs);
  }

  set(at: Date): void {
    const next = new Date(at);
    // an invalid date would make every later now() throw or lie: refuse it here, not at a distance
    if (Number.isNaN(next.getTime())) throw new RangeError('ManualClock.set: not a valid date');
    this.frozen = next;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || Number.isNaN(new Date(this.now().getTime() + ms).getTime()))
      throw new RangeError('ManualClock.advance: the clock would leave the range of dates');
    if (this.frozen) this.frozen = new Date(this.frozen.getTime() + ms);
    else this.offsetMs += ms;
  }

  reset(): void {
    this.frozen = null;
    this.offsetMs = 0;
  }
}
