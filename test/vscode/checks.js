'use strict';
// A small check list for the scripted end-to-end runs (UI test, Neovim check): each check prints "ok" or "FAIL"
// with what went wrong, and the run closes with the plain "N passed, N failed" line that CI reads.
function createChecks() {
  let passed = 0,
    failed = 0;
  return {
    /** Runs one named check; a thrown error fails it and the run goes on with the next. */
    async check(name, fn) {
      const started = Date.now();
      try {
        await fn();
        passed++;
        console.log(`ok   ${name} (${Date.now() - started} ms)`);
      } catch (err) {
        failed++;
        console.log(
          `FAIL ${name}\n     ${String((err && err.message) || err)
            .split('\n')
            .join('\n     ')}`,
        );
      }
    },
    /** Prints the closing line; the exit code for the run. */
    summary() {
      console.log(`${passed} passed, ${failed} failed`);
      return failed || !passed ? 1 : 0;
    },
  };
}

module.exports = { createChecks };
