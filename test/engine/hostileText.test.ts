// Text from AWS is data (issue 21): a name the account returns with a bidi override, C1 or ESC reaches the user's
// file only as a JSON escape, and a quick fix's title shows it quoted and escaped, never raw.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createWorkflowLanguageService } from '../../server/src/engine/service';
import { factKey, type AccountSnapshot, type EntityFieldFacts } from '../../server/src/engine/accountSnapshot';
import { readExample } from '../support/workflows';

// "evil‮niamod" shows reversed in an editor that honours the override; ESC starts a terminal sequence; U+0085 is
// a C1 line break
const HOSTILE = 'acme\u202Edomain\u001b[2J\u0085x';

function snapshot(domains: string[], fields: EntityFieldFacts[] = []): AccountSnapshot {
  return {
    label: 'test',
    domains,
    objectTypeNames: new Map(),
    objectTypes: new Map(),
    templateDetails: new Map(),
    entities: new Map(),
    fields: new Map([[factKey('salesforce-prod', 'Account'), fields]]),
    pending: false,
  } as AccountSnapshot;
}

describe('text from the account in quick fixes and completion', () => {
  const service = createWorkflowLanguageService({ now: () => new Date('2026-12-07T00:00:00Z') });
  const text = readExample('salesforce-account.cpworkflow.json');
  const doc = TextDocument.create('file:///h.cpworkflow.json', 'cpworkflow', 1, text);

  it('a fix that writes an account name writes its controls and bidi marks as \\u escapes, and titles it quoted', () => {
    const diagnostics = service.validate(doc, {}, snapshot([HOSTILE]));
    const acc1 = diagnostics.filter((d) => d.code === 'ACC-1');
    assert.equal(acc1.length, 1, JSON.stringify(diagnostics.map((d) => d.code)));
    const [action] = service.codeActions(doc, acc1);
    const [edit] = action.edit!.changes![doc.uri];
    assert.equal(edit.newText, '"acme\\u202edomain\\u001b[2J\\u0085x"');
    assert.equal(JSON.parse(edit.newText), HOSTILE, 'the file still holds the name the account has');
    // eslint-disable-next-line no-control-regex -- what must not be there
    assert.doesNotMatch(action.title + edit.newText, /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    assert.equal(action.title, 'Change to "acme\\u202edomain\\u001b[2J\\u0085x"');
  });

  it('a hover from the account shows a label as text: no image loads, no link is live', () => {
    const label = '![](https://tracker.example/p.png) [Sign in again](https://evil.example/login) <img src=x>';
    const fields: EntityFieldFacts[] = ['Id', 'Name', 'Phone', 'BillingCity', 'LastModifiedDate'].map((identifier) => ({
      identifier,
      label: identifier === 'Phone' ? label : identifier,
      fieldType: identifier === 'Phone' ? 'string`](https://x)' : 'string',
      filterOperators: ['EQUAL_TO'],
      isPrimaryKey: false,
      incremental: false,
    }));
    const at = text.indexOf('"Phone"') + 2;
    const hover = service.hover(doc, doc.positionAt(at), snapshot(['acme'], fields));
    const value = (hover!.contents as { value: string }).value;
    assert.match(value, /Sign in again/, 'the label is shown');
    // outside code spans (where nothing is a link), no unescaped image, link or HTML
    const outsideCode = (md: string) => md.replace(/(`+)[\s\S]*?\1/g, '');
    const fromAccount = value.split('\n---\n')[0]; // the model's part below has the API reference link
    assert.doesNotMatch(outsideCode(fromAccount), /(^|[^\\])(!\[|\]\(|<img)/, value);
    assert.match(value, /``string`\]\(https:\/\/x\)``/, 'a backtick in a type cannot end its code span');
    const items = service.complete(doc, doc.positionAt(at), snapshot(['acme'], fields)).items;
    const phone = items.find((i) => i.label === 'Phone');
    const docs = (phone?.documentation as { value: string } | undefined)?.value ?? '';
    assert.match(docs, /Sign in again/);
    assert.doesNotMatch(outsideCode(docs), /(^|[^\\])(!\[|\]\(|<img)/, docs);
  });
});
