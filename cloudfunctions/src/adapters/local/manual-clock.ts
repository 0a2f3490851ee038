import type { Clock } from '../../ports/clock';

/** A clock the local host and tests can move: `offsetMs` shifts real time, `frozen` stops it. */
export class ManualClock implements Clock {
  private offsetMs = 0;
  private frozen: Date | null = null;

  now(): Date {
    return this.frozen ? new Date(this.frozen) : new Date(Date.now() + this.offsetMs);
  }

  set(at: Date): void {
    this.frozen = new Date(at);
  }

  advance(ms: number): void {
    if (this.frozen) this.frozen = new Date(this.frozen.getTime() + ms);
    else this.offsetMs += ms;
  }

  reset(): void {
    this.frozen = null;
    this.offsetMs = 0;
  }
}
