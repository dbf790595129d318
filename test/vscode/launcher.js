#!/usr/bin/env node
'use strict';
// Stands in for the VS Code executable that @vscode/test-electron's runTests spawns (`vscodeExecutablePath`), on
// machines where desktop VS Code cannot be downloaded. It takes the desktop flags
//   --extensionDevelopmentPath=DIR... --extensionTestsPath=FILE [--user-data-dir=DIR] [--extensions-dir=DIR] [FOLDER]
// starts code-server, and opens its web workbench in headless Chromium with those paths as the workbench `payload`
// (the web form of the same flags), so the suite runs in code-server's Node extension host with the real `vscode`
// API. The test runner's exit code comes back through `codeAutomationExit`, as with @vscode/test-web.
const path = require('path');
const util = require('util');
const { privateHome, writeUserSettings, startCodeServer, launchChromium, workbenchUrl } = require('./code-server');

const TIMEOUT_MS = Number(process.env.TEST_TIMEOUT_MS || 300000);
// Workbench chatter printed through codeAutomationLog that says nothing about the tests.
const NOISE =
  /Ignoring fetching additional builtin|Creating a socket|connection token|Service Worker|additional builtin extensions cache/;

function parseDesktopArgs(argv) {
  const parsed = {
    devPaths: [],
    testsPath: undefined,
    userDataDir: undefined,
    extensionsDir: undefined,
    folder: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) {
      parsed.folder ??= path.resolve(argv[i]);
      continue;
    }
    const [, name, inline] = m;
    const takesValue = ['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir'].includes(
      name,
    );
    const value = takesValue ? path.resolve(inline ?? argv[++i]) : undefined;
    if (name === 'extensionDevelopmentPath') parsed.devPaths.push(value);
    else if (name === 'extensionTestsPath') parsed.testsPath = value;
    else if (name === 'user-data-dir') parsed.userDataDir = value;
    else if (name === 'extensions-dir') parsed.extensionsDir = value;
    // other desktop flags (--no-sandbox, --disable-updates, --skip-welcome, ...) have no meaning here
  }
  return parsed;
}

async function main() {
  const args = parseDesktopArgs(process.argv.slice(2));
  if (!args.devPaths.length || !args.testsPath) {
    console.error('usage: launcher.js --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [FOLDER]');
    return 2;
  }
  const home = privateHome('cpworkflow-vscode-');
  const profile = {
    userDataDir: args.userDataDir || path.join(home.dir, 'user-data'),
    extensionsDir: args.extensionsDir || path.join(home.dir, 'extensions'),
  };
  writeUserSettings(profile.userDataDir, {});
  let server,
    browser,
    code = 1;
  const onSignal = () => {
    code = 130;
    finish();
  };
  let finish,
    isFinished = false;
  const finished = new Promise((resolve) => {
    finish = () => {
      isFinished = true;
      resolve();
    };
  });
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    server = await startCodeServer({ home, profile });
    const remote = (p) => `vscode-remote://${server.authority}${p}`;
    const payload = [
      ...args.devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
      ['extensionTestsPath', remote(args.testsPath)],
    ];
    browser = await launchChromium(home);
    const page = browser.pages()[0] || (await browser.newPage());
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      const line = util.format(...logArgs);
      if (!NOISE.test(line)) (type === 'error' ? console.error : console.log)(line);
    });
    await page.exposeFunction('codeAutomationExit', (exitCode) => {
      code = exitCode;
      finish();
    });
    if (process.env.DEBUG) page.on('console', (m) => console.log('[browser]', m.type(), m.text()));
    page.on('crash', () => {
      console.error('the workbench page crashed');
      finish();
    });
    await page.goto(workbenchUrl(server, args.folder, payload));
    const timer = setTimeout(() => {
      console.error(`no exit from the extension host within ${TIMEOUT_MS} ms`);
      finish();
    }, TIMEOUT_MS);
    server.exited.then((c) => {
      if (!isFinished) {
        console.error(`code-server exited early (${c})`);
        finish();
      }
    });
    await finished;
    clearTimeout(timer);
  } catch (err) {
    console.error(err.stack || String(err));
    code = 1;
  } finally {
    if (code !== 0 && server) console.error('--- code-server log ---\n' + server.output());
    await browser?.close().catch(() => {});
    await server?.stop();
    home.remove();
  }
  return code;
}

main().then((code) => process.exit(code));
