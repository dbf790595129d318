// When a document is validated: throttled, not debounced. A change after a pause is checked at once; while typing goes
// on a document is checked at most once per interval (the last change always is). The interval is 100 ms, or twice
// what the last check took, so a huge file cannot keep the server busy.

/** The clock and timers the scheduler uses; tests pass a fake one. */
export interface SchedulerClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: SchedulerClock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export const MIN_VALIDATION_INTERVAL_MS = 100;

interface Schedule {
  timer?: unknown;
  lastStart: number;
  lastDuration: number;
}

export interface ValidationScheduler {
  /** asks for a check of `uri`; `validate` runs later, once, however many times this is called before it */
  schedule(uri: string): void;
  /** drops the pending check and the timing of a closed document */
  forget(uri: string): void;
  /** cancels every pending check */
  dispose(): void;
}

/** `validate(uri)` is called at most once per interval per document, always after the last `schedule(uri)`. */
export function createValidationScheduler(
  validate: (uri: string) => void,
  clock: SchedulerClock = systemClock,
): ValidationScheduler {
  const schedules = new Map<string, Schedule>();

  function run(uri: string, s: Schedule): void {
    s.timer = undefined;
    s.lastStart = clock.now();
    try {
      validate(uri);
    } finally {
      s.lastDuration = clock.now() - s.lastStart;
    }
  }

  return {
    schedule(uri) {
      let s = schedules.get(uri);
      if (!s) schedules.set(uri, (s = { lastStart: -Infinity, lastDuration: 0 }));
      if (s.timer !== undefined) return; // a check is due and will read the latest version
      const interval = Math.max(MIN_VALIDATION_INTERVAL_MS, 2 * s.lastDuration);
      const wait = Math.max(0, s.lastStart + interval - clock.now());
      const entry = s;
      s.timer = clock.setTimeout(() => run(uri, entry), wait);
    },
    forget(uri) {
      const s = schedules.get(uri);
      if (s?.timer !== undefined) clock.clearTimeout(s.timer);
      schedules.delete(uri);
    },
    dispose() {
      for (const uri of [...schedules.keys()]) this.forget(uri);
    },
  };
}
