// The validation scheduler with a fake clock: a burst of changes is one check, the last change is always checked,
// and a slow check widens the interval.
import * as assert from 'node:assert/strict';
import { createValidationScheduler, MIN_VALIDATION_INTERVAL_MS } from '../../server/src/lsp/scheduler';
import { FakeClock } from '../support/fakeClock';

describe('validation scheduler (fake clock)', () => {
  it('checks a document once for a burst of changes, at once after a pause', () => {
    const clock = new FakeClock();
    const checked: [string, number][] = [];
    const s = createValidationScheduler((uri) => checked.push([uri, clock.time]), clock);
    for (let i = 0; i < 50; i++) s.schedule('file:///a');
    clock.advance(0);
    assert.deepEqual(checked, [['file:///a', 0]]);
    // typing on: the next check waits for the interval, and only one is due however many changes come
    clock.advance(10);
    for (let i = 0; i < 50; i++) s.schedule('file:///a');
    clock.advance(MIN_VALIDATION_INTERVAL_MS);
    assert.deepEqual(checked, [
      ['file:///a', 0],
      ['file:///a', MIN_VALIDATION_INTERVAL_MS],
    ]);
  });

  it('keeps documents apart and forgets a closed one', () => {
    const clock = new FakeClock();
    const checked: string[] = [];
    const s = createValidationScheduler((uri) => checked.push(uri), clock);
    s.schedule('file:///a');
    s.schedule('file:///b');
    s.forget('file:///a');
    clock.advance(1000);
    assert.deepEqual(checked, ['file:///b']);
    s.schedule('file:///c');
    s.dispose();
    assert.equal(clock.pending, 0);
  });

  it('waits twice as long as the last check took, so a slow file cannot keep the server busy', () => {
    const clock = new FakeClock();
    const at: number[] = [];
    const s = createValidationScheduler(() => {
      at.push(clock.time);
      clock.time += 300; // each check takes 300 ms
    }, clock);
    s.schedule('file:///big');
    clock.advance(0);
    s.schedule('file:///big');
    clock.advance(10_000);
    assert.deepEqual(at, [0, 600]);
  });

  it('still checks the next change after a check that threw', () => {
    const clock = new FakeClock();
    let calls = 0;
    const s = createValidationScheduler(() => {
      calls++;
      if (calls === 1) throw new Error('engine bug');
    }, clock);
    s.schedule('file:///a');
    assert.throws(() => clock.advance(0), /engine bug/);
    s.schedule('file:///a');
    clock.advance(1000);
    assert.equal(calls, 2);
  });
});
