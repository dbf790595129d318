'use strict';
// Runs code-server (VS Code 1.96.4 served to a browser) and Debian's headless Chromium for the extension-host
// suite, the UI test and `npm start`. Each program gets a private HOME/TMPDIR/XDG folder under the system temp
// folder and its own process group, so stopping the group also stops the extension host and language server.
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { withoutAwsVariables } = require('./fake-aws');

const PROJECT_ROOT = path.resolve(__dirname, '../..');
const CODE_SERVER =
  process.env.CODE_SERVER || path.join(PROJECT_ROOT, '.cache/code-server/node_modules/.bin/code-server');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// Workbench defaults for a quiet, reproducible window: no welcome page, tips, trust prompt, update or telemetry.
const QUIET_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.reduceMotion': 'on',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'remote.autoForwardPorts': false,
};

/** A fresh folder under the system temp folder, and the environment that keeps a program's files inside it. */
function privateHome(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const env = {
    HOME: dir,
    TMPDIR: dir,
    XDG_CONFIG_HOME: path.join(dir, '.config'),
    XDG_DATA_HOME: path.join(dir, '.local/share'),
    XDG_CACHE_HOME: path.join(dir, '.cache'),
    XDG_STATE_HOME: path.join(dir, '.local/state'),
  };
  return { dir, env, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function requireCodeServer() {
  if (!fs.existsSync(CODE_SERVER)) {
    throw new Error(
      `code-server not found at ${CODE_SERVER}; install it with: scripts/install-code-server.sh .cache/code-server`,
    );
  }
}

/** The user-data and extensions folders of one code-server profile inside `home`, with `settings` as user settings. */
function codeServerProfile(home, settings = {}) {
  const profile = { userDataDir: path.join(home.dir, 'user-data'), extensionsDir: path.join(home.dir, 'extensions') };
  writeUserSettings(profile.userDataDir, settings);
  return profile;
}

// The extension's settings of scope "machine" (where signed requests go): code-server's window is a remote one, whose
// machine settings are its Remote tab (<user-data-dir>/Machine/settings.json); the User value alone was seen ignored
// now and then (a UI run sent to AWS's hostname instead of the local endpoint), so such values are written to both.
const MACHINE_SCOPED = new Set(
  Object.entries(require('../../package.json').contributes.configuration.properties)
    .filter(([, p]) => /** @type {{ scope?: string }} */ (p).scope === 'machine')
    .map(([key]) => key),
);

function writeUserSettings(userDataDir, settings) {
  const write = (folder, values, defaults = {}) => {
    const file = path.join(userDataDir, folder, 'settings.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const existing = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
    fs.writeFileSync(file, JSON.stringify({ ...defaults, ...existing, ...values }, null, 2));
  };
  write('User', settings, QUIET_USER_SETTINGS);
  const machine = Object.fromEntries(Object.entries(settings).filter(([key]) => MACHINE_SCOPED.has(key)));
  if (Object.keys(machine).length) write('Machine', machine);
}

function profileArgs(home, profile) {
  return [
    '--config',
    path.join(home.dir, 'config.yaml'),
    '--user-data-dir',
    profile.userDataDir,
    '--extensions-dir',
    profile.extensionsDir,
  ];
}

function codeServerEnv(home, extraEnv) {
  // Only the caller's (fake) AWS_* variables: the developer's own would override or travel with them.
  // EXTENSIONS_GALLERY={} keeps the workbench from contacting any extension marketplace.
  return { ...withoutAwsVariables(process.env), ...extraEnv, ...home.env, EXTENSIONS_GALLERY: '{}' };
}

/** Installs a .vsix into the profile, as `code --install-extension` does. */
function installVsix(home, profile, vsix) {
  requireCodeServer();
  execFileSync(CODE_SERVER, [...profileArgs(home, profile), '--install-extension', vsix, '--force'], {
    env: codeServerEnv(home, {}),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/**
 * Starts code-server on 127.0.0.1 (a port the system picks) in its own process group; resolves once it prints
 * the address it listens on. `stop()` ends the whole group, and the group is also ended if this process exits.
 */
function startCodeServer({ home, profile, env = {}, timeoutMs = 60000 }) {
  requireCodeServer();
  // CPWORKFLOW_WORKSPACE_TRUST=1 keeps workspace trust on, so a suite can run in Restricted Mode
  const trust = process.env.CPWORKFLOW_WORKSPACE_TRUST === '1' ? [] : ['--disable-workspace-trust'];
  const child = spawn(
    CODE_SERVER,
    [
      '--bind-addr',
      '127.0.0.1:0',
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      ...trust,
      '--disable-getting-started-override',
      '--disable-proxy',
      ...profileArgs(home, profile),
    ],
    { env: codeServerEnv(home, env), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  const killNow = () => signalGroup(child.pid, 'SIGKILL');
  process.on('exit', killNow);
  const server = {
    pid: child.pid,
    output: () => output,
    exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal))),
    async stop() {
      process.removeListener('exit', killNow);
      await stopGroup(child.pid);
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`code-server did not listen within ${timeoutMs} ms`)), timeoutMs);
    const fail = (err) => {
      clearTimeout(timer);
      server.stop().then(() => reject(new Error(`${err.message}\n${output}`)));
    };
    const onData = (chunk) => {
      output += chunk;
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m && !server.url) {
        clearTimeout(timer);
        server.url = m[1];
        server.authority = new URL(m[1]).host;
        resolve(server);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', fail);
    child.once('exit', (code) => {
      if (!server.url) fail(new Error(`code-server exited with ${code} before listening`));
    });
  });
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM the process group, wait until it is gone (up to 5 s), then SIGKILL whatever is left. */
async function stopGroup(pid) {
  if (!signalGroup(pid, 'SIGTERM')) return;
  for (let i = 0; i < 50 && signalGroup(pid, 0); i++) await new Promise((r) => setTimeout(r, 100));
  signalGroup(pid, 'SIGKILL');
}

/** Debian's Chromium, headless, with a fresh profile in `home`; it may reach 127.0.0.1 and nothing else. */
async function launchChromium(home, { viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = require('playwright-core');
  return chromium.launchPersistentContext(path.join(home.dir, 'chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    env: { ...process.env, ...home.env },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

/** The workbench URL that opens `folder` (a folder or a .code-workspace file), or an empty window. */
function workbenchUrl(server, folder, payload) {
  const query = [];
  if (folder) query.push((folder.endsWith('.code-workspace') ? 'workspace=' : 'folder=') + encodeURIComponent(folder));
  else query.push('ew=true');
  if (payload) query.push('payload=' + encodeURIComponent(JSON.stringify(payload)));
  return `${server.url}/?${query.join('&')}`;
}

module.exports = {
  PROJECT_ROOT,
  CODE_SERVER,
  privateHome,
  codeServerProfile,
  writeUserSettings,
  installVsix,
  startCodeServer,
  stopGroup,
  launchChromium,
  workbenchUrl,
  codeServerEnv,
};
