'use strict';
// Entry point that the extension host loads (`--extensionTestsPath`): runs every *.test.js beside it with mocha
// (tdd). The report is mocha's spec list closed by a plain "N passed, N failed" line, the one CI reads and adds
// up (instead of mocha's "N passing", which .ci/run counts for the unit suite).
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

class SpecWithPlainTotals extends Mocha.reporters.Spec {
  /** @override */
  epilogue() {
    Mocha.reporters.Base.list(this.failures);
    console.log(`${this.stats.passes} passed, ${this.stats.failures} failed`);
  }
}

/** Runs the *.test.js files of `dir` (this suite's, or another suite folder's, such as ../restricted). */
exports.runIn = function runIn(dir) {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000, reporter: SpecWithPlainTotals });
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(dir, name));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (failures) reject(new Error(`${failures} extension-host test(s) failed`));
      else if (!runner.stats.passes) reject(new Error('no extension-host test ran'));
      else resolve();
    });
  });
};

exports.run = () => exports.runIn(__dirname);
