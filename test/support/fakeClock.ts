// A clock for the server's timers that moves only when a test says so (the validation scheduler, time re-checks).
import type { SchedulerClock } from '../../server/src/lsp/scheduler';

export class FakeClock implements SchedulerClock {
  time = 0;
  private timers: { at: number; run: () => void; id: number }[] = [];
  private next = 1;
  now = () => this.time;
  setTimeout = (run: () => void, ms: number) => {
    const id = this.next++;
    this.timers.push({ at: this.time + ms, run, id });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };
  /** moves time forward, running the timers that fall due on the way */
  advance(ms: number, duringRun?: () => void): void {
    const end = this.time + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const t = this.timers[0];
      if (!t || t.at > end) break;
      this.timers.shift();
      this.time = t.at;
      t.run();
      duringRun?.();
    }
    this.time = end;
  }
  get pending() {
    return this.timers.length;
  }
}
