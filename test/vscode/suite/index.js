'use strict';
// Entry point that the extension host loads (`--extensionTestsPath`): runs every *.test.js beside it with mocha
// (tdd) and closes with a plain "N passed, N failed" line, which CI reads.
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

exports.run = function run() {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000, grep: process.env.CPWORKFLOW_TEST_GREP });
  for (const name of fs.readdirSync(__dirname).filter(n => n.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, name));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run(failures => {
      console.log(`${runner.stats.passes} passed, ${runner.stats.failures} failed`);
      if (failures) reject(new Error(`${failures} extension-host test(s) failed`));
      else if (!runner.stats.passes) reject(new Error('no extension-host test ran'));
      else resolve();
    });
  });
};
