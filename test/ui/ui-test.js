#!/usr/bin/env node
/* global document, innerHeight */
/// <reference lib="dom" />
'use strict';
// UI test: the packaged extension (dist/cpworkflow.vsix, from `npm run package`) installed into code-server, driven
// in Debian's headless Chromium with playwright-core the way a user works: open an example from the explorer, break
// an operator and read the Problems panel, apply a quick fix, type to get completion and read the list, open the
// snippet list inside the Tasks array, then run
// "Create Integration Workflow" from the palette (F1) against the local Customer Profiles endpoint, confirm, and
// read the notification; with the account on (the demo account on the local endpoint), read the account finding
// in the Problems panel and the account's fields in completion; then open the Customer Profiles view, watch the new
// workflow reach COMPLETE without a click and open its steps, and make a workflow file from an AppFlow flow of the
// local account. Saves screenshots in test/.tmp/screenshots/ (docs/screenshots/, which the README shows, with
// UPDATE_SCREENSHOTS=1). The examples are a copy in the system temp folder; the AWS keys are fake ones made for this
// run, known only to the local endpoint.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const {
  PROJECT_ROOT,
  privateHome,
  codeServerProfile,
  installVsix,
  startCodeServer,
  launchChromium,
  workbenchUrl,
} = require('../vscode/code-server');
const { createChecks } = require('../vscode/checks');
const { fakeAwsKeys, awsEnvFor } = require('../vscode/fake-aws');

const VSIX = path.join(PROJECT_ROOT, 'dist/cpworkflow.vsix');
// the README's pictures are refreshed on request (UPDATE_SCREENSHOTS=1); ordinary runs keep theirs out of git
const SHOTS = path.join(PROJECT_ROOT, process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test/.tmp/screenshots');
const EXAMPLE = 'zendesk-ticket.cpworkflow.json';
const SUBMITTED = 'salesforce-account.cpworkflow.json';
const ENDPOINT_MODULE = path.join(PROJECT_ROOT, 'test/endpoint/customerProfilesEndpoint.mjs');
const REGION = 'us-east-1';
const WAIT_MS = 30000;
// where a failing step leaves a picture of the window (ignored by git)
const FAILURE_SHOTS = path.join(PROJECT_ROOT, 'test/.tmp/ui-failures');

/** Asks `read` until `done` holds for its answer or WAIT_MS pass; returns the last answer. */
async function poll(read, done) {
  let value = await read();
  for (const end = Date.now() + WAIT_MS; !done(value) && Date.now() < end;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** 1-based line and column of the first occurrence of `needle` after `from` in the example. */
function lineColumn(text, needle, from = '') {
  const at = text.indexOf(needle, from ? text.indexOf(from) : 0);
  assert.ok(at >= 0, `the example holds ${needle}`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

class Workbench {
  constructor(page) {
    this.page = page;
  }

  async shot(name) {
    const file = path.join(SHOTS, name);
    await this.page.screenshot({ path: file, animations: 'disabled' });
    console.log(`     screenshot ${path.relative(PROJECT_ROOT, file)}`);
  }

  /** Moves the caret with Go to Line/Column (Ctrl+G), as a user would type ":35:26". */
  async goTo({ line, column }) {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
  }

  /** Text of the status bar's language-mode entry. */
  languageMode() {
    return this.page.locator('[id="status.editor.mode"]').innerText();
  }

  /** The labels in the suggest widget, scrolled through page by page (the list only renders what is visible). */
  async suggestionLabels() {
    const rows = this.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row .label-name');
    await rows.first().waitFor({ timeout: WAIT_MS });
    const labels = new Set();
    for (let page = 0; page < 10; page++) {
      const before = labels.size;
      for (const label of await rows.allInnerTexts()) labels.add(label.replace(/^"|"$/g, ''));
      if (page > 0 && labels.size === before) break;
      await this.page.keyboard.press('PageDown');
    }
    return [...labels];
  }
}

async function main() {
  const checks = createChecks();
  if (!fs.existsSync(VSIX)) {
    console.error(`${VSIX} is missing: run \`npm run package\` first`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  const home = privateHome('cpworkflow-ui-');
  const folder = path.join(home.dir, 'examples');
  fs.cpSync(path.join(PROJECT_ROOT, 'examples'), folder, { recursive: true });
  const exampleText = fs.readFileSync(path.join(folder, EXAMPLE), 'utf8');
  const submitted = JSON.parse(fs.readFileSync(path.join(folder, SUBMITTED), 'utf8'));
  const keys = fakeAwsKeys();
  let server, browser, endpoint;
  try {
    const { startLocalEndpoint } = await import(pathToFileURL(ENDPOINT_MODULE).href);
    const { demoAccount } = await import(pathToFileURL(path.join(PROJECT_ROOT, 'test/endpoint/accountData.mjs')).href);
    // the demo account (the examples' domain and object types, connections, objects and fields), with past workflows
    // in every status beside the one created here, as in the demo
    const account = demoAccount();
    for (const domain of Object.values(account.domains)) domain.history = true;
    assert.ok(account.domains[submitted.DomainName], `the demo account has the domain ${submitted.DomainName}`);
    endpoint = await startLocalEndpoint({
      region: REGION,
      credentials: { [keys.accessKeyId]: keys.secretAccessKey },
      account,
      // slow enough for the view to show the new workflow running before it completes
      timing: { startMs: 1000, stepMs: 3000 },
    });
    const profile = codeServerProfile(home, {
      'workbench.colorTheme': 'Default Dark Modern',
      'cpworkflow.aws.endpointUrl': endpoint.url,
      'cpworkflow.account.enabled': true,
      'cpworkflow.workflowsView.autoRefreshSeconds': 2,
    });
    installVsix(home, profile, VSIX);
    // the standard credential chain finds these first; no shared config exists in the private HOME
    server = await startCodeServer({ home, profile, env: awsEnvFor(keys, REGION) });
    browser = await launchChromium(home);
    const page = browser.pages()[0] || (await browser.newPage());
    page.setDefaultTimeout(WAIT_MS);
    const wb = new Workbench(page);
    const step = (name, fn) =>
      checks.check(name, async () => {
        try {
          await fn();
        } catch (err) {
          fs.mkdirSync(FAILURE_SHOTS, { recursive: true });
          const file = path.join(FAILURE_SHOTS, `${name.replace(/\W+/g, '-').slice(0, 60)}.png`);
          await page.screenshot({ path: file }).catch(() => {});
          throw new Error(`${err.message}\n(window: ${path.relative(PROJECT_ROOT, file)})`, { cause: err });
        }
      });

    await step(`opening ${EXAMPLE} from the explorer shows it as a Customer Profiles Workflow`, async () => {
      await page.goto(workbenchUrl(server, folder));
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: EXAMPLE });
      await row.waitFor();
      await row.click();
      await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
      await page.waitForFunction(() =>
        /Customer Profiles Workflow/.test(document.querySelector('[id="status.editor.mode"]')?.textContent || ''),
      );
      assert.match(await wb.languageMode(), /Customer Profiles Workflow/);
    });

    const mapOperator = lineColumn(exampleText, 'NO_OP', '"TaskType": "Map"');
    await step('typing an operator Zendesk lacks puts an error in the Problems panel', async () => {
      await wb.goTo(mapOperator);
      for (let i = 0; i < 'NO_OP'.length; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.type('LESS_THAN');
      await page.keyboard.press('Escape'); // closes the suggestions that typing in a string opens
      await page.locator('.monaco-editor .squiggly-error').first().waitFor();
      await page.keyboard.press('Control+Shift+M');
      // the row of our diagnostic, found by its code and position as the panel shows them
      const where = `[Ln ${mapOperator.line}, Col ${mapOperator.column - 1}]`;
      const row = page
        .locator('.markers-panel .monaco-list-row')
        .filter({ has: page.locator('.marker-code', { hasText: /^enum$/ }) })
        .filter({ has: page.locator('.marker-line', { hasText: where }) })
        .filter({ has: page.locator('.marker-message', { hasText: '"LESS_THAN"' }) }); // not a half-typed value
      await row.waitFor();
      const message = await row.locator('.marker-message').innerText();
      assert.match(message, /LESS_THAN/, `the problem names the wrong operator: ${message}`);
      assert.match(
        message,
        /Zendesk allows for a Map task: NO_OP\./,
        `the problem lists the Map operators: ${message}`,
      );
      assert.strictEqual(await row.locator('.marker-icon.error').count(), 1, 'shown as an error');
      await wb.shot('problems.png');
    });

    await step(
      'Ctrl+. on the wrong operator offers the allowed one as a quick fix, and applying it clears the error',
      async () => {
        await wb.goTo(mapOperator);
        await page.keyboard.press('Control+.');
        const menu = page.locator('.action-widget');
        // the first fix is focused: NO_OP is what a Map task takes
        const fix = menu.locator('.monaco-list-row.focused', { hasText: 'Change to "NO_OP"' });
        await fix.waitFor();
        const titles = await menu.locator('.monaco-list-row .title').allInnerTexts();
        // a Map task takes only NO_OP, so that is the one fix (as the engine's own quick-fix test expects)
        assert.deepStrictEqual(titles, ['Change to "NO_OP"'], 'the menu lists the one fix');
        await wb.shot('quickfix.png');
        await page.keyboard.press('Enter');
        await menu.waitFor({ state: 'hidden' });
        await page
          .locator('.markers-panel .monaco-list-row')
          .filter({ has: page.locator('.marker-code', { hasText: /^enum$/ }) })
          .waitFor({ state: 'detached' });
        assert.strictEqual(await page.locator('.monaco-editor .squiggly-error').count(), 0, 'no error squiggle left');
      },
    );

    const projection = lineColumn(exampleText, '"PROJECTION"');
    await step("typing a quote where a Filter's operator goes lists only the Zendesk filter operators", async () => {
      await wb.goTo(projection);
      for (let i = 0; i < '"PROJECTION"'.length; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Delete');
      await page.keyboard.type('"'); // a trigger character: the suggestions open by themselves
      const labels = await wb.suggestionLabels();
      assert.deepStrictEqual(labels.sort(), ['GREATER_THAN', 'PROJECTION'], `suggested: ${labels}`);
      await wb.shot('completion.png');
      await page.keyboard.type('PRO');
      await page.locator('.suggest-widget .monaco-list-row.focused', { hasText: 'PROJECTION' }).waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.suggest-widget').waitFor({ state: 'hidden' });
      const line = page.locator('.view-line', { hasText: '"Zendesk": "PROJECTION"' });
      await line.waitFor();
      assert.strictEqual(
        (await line.innerText()).replace(/\u00a0/g, ' ').trim(),
        '"Zendesk": "PROJECTION"',
        'the chosen item replaced the whole value',
      );
    });

    const tasks = lineColumn(exampleText, '"Tasks": [');
    await step(
      'Ctrl+Space inside the Tasks array lists the task snippets and nothing that does not fit there',
      async () => {
        await wb.goTo({ line: tasks.line, column: tasks.column + '"Tasks": ['.length });
        await page.keyboard.press('Control+Space');
        const labels = await wb.suggestionLabels();
        const taskSnippets = labels.filter((l) => l.startsWith('task-')).sort();
        assert.deepStrictEqual(
          taskSnippets,
          [
            'task-arithmetic',
            'task-map',
            'task-mask',
            'task-merge',
            'task-projection',
            'task-truncate',
            'task-validate',
          ],
          `suggested: ${labels}`,
        );
        // no trigger or workflow snippet, no word from the file: only what a task item can be
        assert.deepStrictEqual(
          labels.filter((l) => !l.startsWith('task-')),
          ['{}'],
          `suggested: ${labels}`,
        );
        await wb.shot('snippets.png');
        await page.keyboard.press('Escape');
        await page.locator('.suggest-widget.visible').waitFor({ state: 'hidden' });
      },
    );

    await step(
      "the account: the unmapped key is a Problems entry, and SourceFields completion lists the object's fields",
      async () => {
        // the demo account's Zendesk-Ticket object type reads _source.requester_email for a key; no Map writes it
        const row = page
          .locator('.markers-panel .monaco-list-row')
          .filter({ has: page.locator('.marker-code', { hasText: /^ACC-10$/ }) });
        await row.waitFor();
        assert.match(await row.locator('.marker-message').innerText(), /requester_email/);
        const field = lineColumn(exampleText, '"subject"', '"SourceFields"');
        await wb.goTo(field);
        for (let i = 0; i < '"subject"'.length; i++) await page.keyboard.press('Shift+ArrowRight');
        await page.keyboard.press('Delete');
        await page.keyboard.type('"');
        const labels = await wb.suggestionLabels();
        for (const name of ['id', 'requester_id', 'requester_email', 'subject', 'updated_at'])
          assert.ok(labels.includes(name), `suggested ${name}: ${labels}`);
        await page.keyboard.type('requester_e');
        await page.locator('.suggest-widget .monaco-list-row.focused', { hasText: 'requester_email' }).waitFor();
        await wb.shot('account.png');
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Z');
      },
    );

    await step(
      'F1 "Create Integration Workflow" asks first, then sends the file once and shows the WorkflowId',
      async () => {
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: SUBMITTED }).click();
        await page.locator('.tab.active', { hasText: SUBMITTED }).waitFor();
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor({ state: 'visible' });
        await input.fill('>Customer Profiles: Create Integration Workflow');
        await page
          .locator('.quick-input-list .monaco-list-row.focused', {
            hasText: 'Customer Profiles: Create Integration Workflow',
          })
          .waitFor();
        await page.keyboard.press('Enter');

        const dialog = page.locator('.monaco-dialog-box');
        await dialog.waitFor();
        const question = (await dialog.innerText()).replace(/\s+/g, ' ');
        for (const word of [
          submitted.DomainName,
          submitted.ObjectTypeName,
          submitted.IntegrationConfig.AppflowIntegration.FlowDefinition.FlowName,
          REGION,
          endpoint.url,
        ]) {
          assert.ok(question.includes(word), `the confirmation names ${word}: ${question}`);
        }
        // the account's reads (the account is on) are not submissions: no create before the answer
        const sentEarly = endpoint.requests.filter((r) => r.operation === 'CreateIntegrationWorkflow');
        assert.strictEqual(sentEarly.length, 0, 'nothing is sent before the answer');
        await wb.shot('confirm.png');
        await dialog.locator('.monaco-button', { hasText: /^Create$/ }).click();

        const toast = page.locator('.notifications-toasts .notification-toast', {
          hasText: /Workflow [0-9a-f]+ created/,
        });
        await toast.waitFor();
        const message = await toast.locator('.notification-list-item-message').innerText();
        const workflowId = /Workflow ([0-9a-f]+) created/.exec(message)[1];
        const creates = endpoint.requests.filter((r) => r.operation === 'CreateIntegrationWorkflow');
        assert.strictEqual(creates.length, 1, 'exactly one CreateIntegrationWorkflow request');
        assert.strictEqual(
          creates[0].json.IntegrationConfig.AppflowIntegration.FlowDefinition.FlowName,
          submitted.IntegrationConfig.AppflowIntegration.FlowDefinition.FlowName,
          'the file is what was sent',
        );
        assert.notStrictEqual(
          endpoint.workflowStatus(workflowId),
          undefined,
          'the endpoint created the workflow the toast names',
        );
        assert.ok(
          await toast.locator('.monaco-button', { hasText: 'Track Progress' }).isVisible(),
          'offers to track progress',
        );
        await page.locator('.notification-toast', { hasText: 'Creating workflow' }).waitFor({ state: 'detached' }); // the progress ends
        await wb.shot('create.png');
      },
    );

    await step('the Settings UI lists the AWS settings under "Customer Profiles"', async () => {
      await page.keyboard.press('Control+,');
      const search = page.locator('.settings-editor .suggest-input-container .monaco-editor textarea');
      await search.waitFor();
      await search.fill('cpworkflow.aws');
      // machine-scoped settings: on code-server they are in the Remote tab (a desktop VS Code shows them as User)
      await page.locator('.settings-editor .settings-tabs-widget .action-label', { hasText: 'Remote' }).click();
      const labels = page.locator('.settings-editor .setting-item-contents .setting-item-title');
      await labels.filter({ hasText: 'Endpoint' }).first().waitFor();
      const titles = (await labels.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      const toc = (await page.locator('.settings-editor .settings-toc-container .monaco-list-row').allInnerTexts()).map(
        (t) => t.trim(),
      );
      await wb.shot('settings.png');
      // each setting's own label comes from its key ("Cpworkflow › Aws: Profile"); VS Code has no other source for it
      console.log(`     setting labels: ${titles.join(' | ')}`);
      assert.ok(
        toc.some((t) => t.replace(/\s+/g, ' ').replace(/ \(\d+\)$/, '') === 'Customer Profiles'),
        `the table of contents: ${toc.join(' | ')}`,
      );
    });

    await step(
      "the extension's page shows its icon, and its README opens on what it does with pictures that load",
      async () => {
        await page.keyboard.press('Control+Shift+X');
        const search = page.locator('.extensions-viewlet .suggest-input-container .monaco-editor textarea');
        await search.waitFor();
        await search.fill('@installed cpworkflow');
        const item = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Customer Profiles' }).first();
        await item.waitFor();
        const icon = item.locator('img.icon');
        await icon.waitFor();
        assert.ok(
          await icon.evaluate((/** @type {HTMLImageElement} */ img) => img.complete && img.naturalWidth === 128),
          `the list shows the 128×128 icon (${await icon.getAttribute('src')})`,
        );
        await item.click();
        const readme = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
        await readme.locator('h2', { hasText: 'Install' }).waitFor();
        const pictures = readme.locator('img');
        await pictures.first().waitFor();
        // inside the README (data: URLs), so each is there once decoded
        const loaded = await poll(
          () =>
            pictures.evaluateAll((/** @type {HTMLImageElement[]} */ imgs) =>
              imgs.map((i) => [i.src.slice(0, 40), i.complete && i.naturalWidth > 0]),
            ),
          (l) => l.length >= 2 && l.every(([, ok]) => ok),
        );
        assert.ok(
          loaded.length >= 2 && loaded.every(([, ok]) => ok),
          `every README picture loads: ${JSON.stringify(loaded)}`,
        );
        const first = (await readme.locator('body').innerText()).slice(0, 600);
        assert.doesNotMatch(first, /npm ci/, 'the first screen is for users, not the developer commands');
        await wb.shot('extension-page.png');
        // the rules page is a section of the README: its link jumps there
        await readme.locator('a', { hasText: 'Validation rules' }).first().click();
        const heading = readme.locator('h2', { hasText: 'Validation rules' });
        const top = await poll(
          () => heading.evaluate((h) => h.getBoundingClientRect().top / innerHeight),
          (t) => t > -0.01 && t < 0.5,
        );
        assert.ok(top > -0.01 && top < 0.5, `the rules link scrolled to the rules (heading at ${top} of the height)`);
      },
    );
    const flowName = submitted.IntegrationConfig.AppflowIntegration.FlowDefinition.FlowName;
    await step(
      'the Customer Profiles view lists the new workflow, shows it COMPLETE without a click, and opens its steps',
      async () => {
        await page.locator('.activitybar .action-item a[aria-label^="Customer Profiles"]').click();
        const sidebar = page.locator('.sidebar');
        const rows = sidebar.locator('.monaco-list-row');
        await rows
          .filter({ hasText: `· ${REGION}` })
          .first()
          .waitFor(); // profile · region
        await rows.filter({ hasText: submitted.DomainName }).click();
        const mine = rows.filter({ hasText: flowName });
        await mine.filter({ hasText: /NOT_STARTED|IN_PROGRESS/ }).waitFor();
        const listsBefore = endpoint.requests.filter((r) => r.operation === 'ListWorkflows').length;
        // no click from here: the view reads the running workflow again by itself
        await rows.filter({ hasText: flowName }).filter({ hasText: 'COMPLETE' }).waitFor({ timeout: 60000 });
        assert.ok(
          endpoint.requests.filter((r) => r.operation === 'ListWorkflows').length > listsBefore,
          'the view read the domain again by itself',
        );
        for (const status of ['FAILED', 'CANCELLED', 'RETRY', 'SPLIT', 'NOT_STARTED']) {
          await rows
            .filter({ hasText: `${status} ·` })
            .first()
            .waitFor();
        }
        await mine.locator('.monaco-tl-twistie').click();
        await rows.filter({ hasText: `Step 1: ${flowName}` }).waitFor();
        // wide enough for the descriptions (status · records · age) in the picture
        const sidebarWidth = () => page.locator('.sidebar').evaluate((e) => e.getBoundingClientRect().width);
        const narrow = await sidebarWidth();
        for (let i = 0; i < 4; i++) {
          await page.keyboard.press('F1');
          await page.locator('.quick-input-widget .quick-input-box input').fill('>View: Increase Current View Size');
          await page
            .locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Increase Current View Size' })
            .waitFor();
          await page.keyboard.press('Enter');
        }
        await page.waitForFunction((w) => document.querySelector('.sidebar').getBoundingClientRect().width > w, narrow);
        await wb.shot('workflows-view.png');
      },
    );

    await step(
      "the view's title-bar Filter button opens a status pick; the active filter shows and its Clear button ends it",
      async () => {
        const sidebar = page.locator('.sidebar');
        const rows = sidebar.locator('.monaco-list-row');
        await sidebar.hover();
        await page.locator('.sidebar a.action-label[aria-label^="Filter Workflows by Status"]:visible').first().click();
        const pick = page.locator('.quick-input-widget');
        await pick.locator('.quick-input-list .monaco-list-row', { hasText: 'FAILED' }).first().waitFor();
        assert.equal(
          await rows.filter({ hasText: 'No [object Object]' }).count(),
          0,
          'the button did not filter by its own argument',
        );
        await pick.locator('.quick-input-box input').fill('FAILED');
        await pick.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'FAILED' }).waitFor();
        await page.keyboard.press('Enter');
        await sidebar.getByText('Filtered: FAILED workflows only').waitFor();
        await rows.filter({ hasText: 'FAILED ·' }).first().waitFor();
        await poll(
          () => rows.filter({ hasText: 'COMPLETE ·' }).count(),
          (n) => n === 0,
        );
        assert.equal(await rows.filter({ hasText: 'COMPLETE ·' }).count(), 0, 'only FAILED workflows are listed');
        await wb.shot('workflows-filtered.png');
        await sidebar.hover();
        await page
          .locator('.sidebar a.action-label[aria-label^="Clear Workflow Status Filter"]:visible')
          .first()
          .click();
        await sidebar.getByText('Filtered: FAILED workflows only').waitFor({ state: 'hidden' });
        await rows.filter({ hasText: 'COMPLETE ·' }).first().waitFor();
      },
    );

    await step(
      '"Preview Workflow" draws the mapping beside the file, follows typing, selects a clicked task, runs sample records, loads nothing remote',
      async () => {
        const remote = [];
        const onRequest = (r) => {
          const host = new URL(r.url()).hostname;
          if (
            !['127.0.0.1', 'localhost'].includes(host) &&
            !r.url().startsWith('data:') &&
            !r.url().startsWith('blob:')
          )
            remote.push(r.url());
        };
        page.context().on('request', onRequest);
        const text = fs.readFileSync(path.join(folder, SUBMITTED), 'utf8');
        await page.keyboard.press('Control+P');
        const quick = page.locator('.quick-input-widget .quick-input-box input');
        await quick.fill(SUBMITTED);
        await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: SUBMITTED }).waitFor();
        await page.keyboard.press('Enter');
        await page.locator('.tab.active', { hasText: SUBMITTED }).waitFor();
        await page.keyboard.press('F1');
        await quick.fill('>Customer Profiles: Preview Workflow');
        await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Preview Workflow' }).waitFor();
        await page.keyboard.press('Enter');
        const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
        await view.getByRole('button', { name: /^Tasks\[1\] Map NO_OP/ }).waitFor();
        await view.getByRole('button', { name: /^BillingCity, from BillingCity/ }).waitFor();
        // type in the file: the picture follows
        await page.locator('.tab', { hasText: SUBMITTED }).first().click();
        const dest = lineColumn(text, '"BillingCity"', '"DestinationField": "BillingCity"');
        await wb.goTo({ line: dest.line, column: dest.column + 1 });
        for (let i = 0; i < 'BillingCity'.length; i++) await page.keyboard.press('Shift+ArrowRight');
        await page.keyboard.type('City');
        await page.keyboard.press('Escape');
        await view.getByRole('button', { name: /^City, from BillingCity/ }).waitFor();
        // a click on a task selects it in the editor
        const validate = lineColumn(text, '{', '"TaskType": "Validate"');
        const taskLine = text
          .slice(0, text.lastIndexOf('{', text.indexOf('"TaskType": "Validate"')))
          .split('\n').length;
        await view.getByRole('button', { name: /^Tasks\[6\] Validate VALIDATE_NON_NULL/ }).click();
        await poll(
          () => page.locator('[id="status.editor.selection"]').innerText(),
          (t) => t.startsWith(`Ln ${taskLine},`) || /selected/.test(t),
        );
        assert.ok(validate.line > 0);
        assert.match(await page.locator('[id="status.editor.selection"]').innerText(), /selected/);
        // the dry run on the example's sample records
        await view.getByRole('button', { name: 'Run Sample Records…' }).click();
        // code-server's file dialog: once it lists a folder, the full path typed and Enter picks the file
        await page.locator('.quick-input-list .monaco-list-row', { hasText: '..' }).first().waitFor();
        const picked = path.join(folder, 'records', 'salesforce-account.records.json');
        await quick.fill(picked);
        await poll(
          () => quick.inputValue(),
          (v) => v === picked,
        );
        await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).click();
        await quick.waitFor({ state: 'hidden' });
        await view.getByText('2 of 3 records kept').waitFor();
        await view.getByText(/dropped by Tasks\[6\]: Id null fails VALIDATE_NON_NULL/).waitFor();
        await view
          .getByText(/^2027|^20\d\d-\d\d-\d\dT/)
          .first()
          .waitFor();
        await wb.shot('preview.png');
        // or pasted: JSON Lines typed into the page
        await view.getByText('Or paste records').click();
        await view.getByRole('textbox', { name: /Sample records/ }).fill('{"Id":"9","Name":"Pasted"}\n');
        await view.getByRole('button', { name: 'Run Pasted Records' }).click();
        await view.getByText('1 of 1 records kept').waitFor();
        page.context().off('request', onRequest);
        assert.deepEqual(remote, [], 'the preview loaded nothing from the network');
        // put the file back as it was for the steps after this one
        await page.locator('.tab', { hasText: SUBMITTED }).first().click();
        await page.keyboard.press('Control+Z');
      },
    );

    await step('F1 "New Workflow File from AppFlow Flow" opens a picked flow as a checked workflow file', async () => {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible' });
      await input.fill('>Customer Profiles: New Workflow File from AppFlow Flow');
      await page
        .locator('.quick-input-list .monaco-list-row.focused', { hasText: 'New Workflow File from AppFlow Flow' })
        .waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Salesforce-Contacts-Nightly' }).waitFor();
      await input.fill('Salesforce-Contacts-Nightly');
      await page
        .locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Salesforce-Contacts-Nightly' })
        .waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.view-line', { hasText: '"FlowName": "Salesforce-Contacts-Nightly-profiles"' }).waitFor();
      await page.waitForFunction(() =>
        /Customer Profiles Workflow/.test(document.querySelector('[id="status.editor.mode"]')?.textContent || ''),
      );
      assert.strictEqual(
        endpoint.requests.filter((r) => r.operation === 'DescribeFlow').length,
        1,
        'one DescribeFlow for the flow picked',
      );
      // checked at once: a break shows a squiggle without saving, and undoing it leaves none
      const at = page.locator('.view-line', { hasText: '"WorkflowType": "APPFLOW_INTEGRATION"' });
      await at.click();
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.type('X');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor();
      await page.keyboard.press('Control+Z');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'detached' });
    });
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    await endpoint?.stop();
    home.remove();
  }
  return checks.summary();
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
