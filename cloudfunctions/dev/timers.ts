import { FUNCTIONS } from '../src/functions/registry';
import { dispatch } from '../src/platform/dispatch';
import { fromTimer } from '../src/platform/origin';
import { timerTriggerName } from '../src/platform/timer-trigger';
import type { Ports } from '../src/ports';

/** Runs one function's timer action now, exactly as CloudBase's timer trigger would. */
export function runTimer(name: string, ports: Ports) {
  const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  return dispatch(
    fn,
    { Type: 'Timer', TriggerName: timerTriggerName(name), Time: ports.clock.now().toISOString() },
    fromTimer,
    ports,
    `timer-${name}-${Date.now().toString(36)}`,
  );
}

/** The local host keeps the production schedule of every timer function. */
export function startTimers(ports: Ports): () => void {
  const handles = Object.entries(FUNCTIONS)
    .filter(([, fn]) => fn.timer)
    .map(([name, fn]) =>
      setInterval(() => {
        runTimer(name, ports).then(
          (r) => {
            if (!r.ok) console.error(`timer ${name} answered`, r.error);
          },
          (e: unknown) => console.error(`timer ${name} failed`, e),
        );
      }, fn.timer!.everyMs),
    );
  return () => handles.forEach(clearInterval);
}
