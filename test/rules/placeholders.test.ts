// TPL-1: a file written from the project's own snippets or New File template, sent unchanged, names the example
// account, KMS key, connections, domain and bucket; each of those values gets a warning on exactly that value.
import * as assert from 'node:assert/strict';
import { Diagnostic } from 'vscode-languageserver-types';
import { connectors } from '../../server/src/generated/model';
import { SNIPPETS, defaultText, workflowTemplate } from '../../server/src/engine/snippets';
import { severityName } from '../../server/src/engine/findings';
import { LspTestClient } from '../support/lspClient';
import { docOf, exampleFiles, readExample } from '../support/workflows';
import { checkRuleCases, service } from './support';
import { placeholderCases } from './cases/placeholders';

// what the templates carry where only the user knows the value (read from snippets/cpworkflow.json by the rule)
const PLACEHOLDER =
  /arn:aws:[a-z]+:[a-z0-9-]*:(123456789012):|key\/(11111111-2222-3333-4444-555555555555)"|"(my-[a-z0-9]+-connection|my-domain|my-customer-exports)"/g;

/** The spans the placeholders of `text` take, as "line:character+length value". */
function expectedSpans(text: string): string[] {
  const doc = docOf(text);
  return [...text.matchAll(PLACEHOLDER)].map((m) => {
    const value = m[1] ?? m[2] ?? m[3];
    const start = doc.positionAt(m.index! + m[0].indexOf(value));
    return `${start.line}:${start.character}+${value.length} ${value}`;
  });
}

const spansOf = (text: string, ds: Diagnostic[]) =>
  ds
    .filter((d) => d.code === 'TPL-1')
    .map((d) => {
      const doc = docOf(text);
      const value = text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end));
      return `${d.range.start.line}:${d.range.start.character}+${value.length} ${value}`;
    });

function assertWarnsOnEachPlaceholder(text: string, minimum: number) {
  const ds = service.validate(docOf(text));
  const expected = expectedSpans(text);
  assert.ok(expected.length >= minimum, `${expected.length} placeholders in\n${text}`);
  assert.deepEqual(spansOf(text, ds).sort(), expected.sort());
  for (const d of ds.filter((x) => x.code === 'TPL-1')) {
    assert.equal(severityName(d.severity), 'warning');
    assert.equal(d.source, 'cpworkflow');
    assert.ok(d.codeDescription?.href);
    assert.match(d.message, /is the example .* from the cpworkflow template, not a real one\. Put (your|the) /);
  }
}

describe('TPL-1: template placeholders', () => {
  for (const snippet of SNIPPETS) {
    const text = defaultText(snippet.body);
    if (!text.trimStart().startsWith('{') || snippet.context !== '') continue;
    it(`the "${snippet.name}" snippet inserted unchanged warns on each placeholder`, () =>
      // account in RoleArn and KmsArn, the KMS key, the domain, and the connection or bucket
      assertWarnsOnEachPlaceholder(text, 5));
  }

  it('every snippet that writes a whole value names no placeholder the rule misses', () => {
    let checked = 0;
    for (const snippet of SNIPPETS) {
      const text = defaultText(snippet.body);
      if (!expectedSpans(text).length) continue;
      checked++;
      assert.equal(snippet.context, '', `${snippet.name} carries a placeholder: test it inside a file`);
    }
    assert.equal(checked, connectors.length);
  });

  // the New File command names the S3 bucket itself, so that template has one placeholder fewer
  for (const c of connectors)
    it(`a New Integration Workflow File for ${c.type} warns on each placeholder`, () =>
      assertWarnsOnEachPlaceholder(defaultText(workflowTemplate(c.type, 'Thing')!), c.type === 'S3' ? 4 : 5));

  it('names what the value is and what to put there', () => {
    const text = defaultText(workflowTemplate('Salesforce', 'Account')!);
    const messages = service
      .validate(docOf(text))
      .filter((d) => d.code === 'TPL-1')
      .map((d) => d.message);
    assert.ok(
      messages.includes(
        'RoleArn: "123456789012" is the example AWS account ID from the cpworkflow template, not a real one. Put your 12-digit AWS account ID (the account of the Customer Profiles domain) here.',
      ),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => /^KmsArn: "11111111-2222-3333-4444-555555555555" is the example KMS key ID/.test(m)),
    );
    assert.ok(messages.some((m) => /^ConnectorProfileName: "my-salesforce-connection" .* AppFlow connection/.test(m)));
  });

  it('a realistic account, key and connection are not placeholders', () => {
    const text = defaultText(workflowTemplate('Salesforce', 'Account')!)
      .replace(/123456789012/g, '210987654321')
      .replace('11111111-2222-3333-4444-555555555555', '7c9a2f4e-3b1d-4e8a-9f60-2d5c8b1a4e73')
      .replace('my-salesforce-connection', 'salesforce-prod')
      .replace('my-domain', 'acme-profiles');
    assert.deepEqual(spansOf(text, service.validate(docOf(text))), []);
  });

  for (const file of exampleFiles())
    it(`examples/${file} carries no template placeholder`, () =>
      assert.deepEqual(expectedSpans(readExample(file)), []));
});

checkRuleCases('rules: template placeholders', placeholderCases);

describe('TPL-1 over LSP', function () {
  this.timeout(20000);
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(() => client.shutdown());

  it('a New File template opened unchanged gets a warning on each placeholder', async () => {
    const text = defaultText(workflowTemplate('Servicenow', 'incident')!);
    const uri = 'file:///ws/new-servicenow.cpworkflow.json';
    await client.open(uri, text);
    const { diagnostics } = await client.diagnostics(uri, 1);
    assert.deepEqual(spansOf(text, diagnostics).sort(), expectedSpans(text).sort());
    assert.equal(spansOf(text, diagnostics).length, 5);
  });
});
