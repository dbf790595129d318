// The language service's parse cache: one parse per document version, kept for the documents in use.
import * as assert from 'node:assert/strict';
import { createWorkflowLanguageService } from '../../server/src/engine/service';
import { docOf, readExample } from '../support/workflows';

describe('language service parse cache', () => {
  it('keeps the document the user keeps working in while many others are opened (least recently used goes first)', () => {
    const svc = createWorkflowLanguageService();
    const text = readExample('salesforce-account.cpworkflow.json');
    const open = docOf(text, 'file:///work/open.cpworkflow.json');
    const first = svc.parse(open);
    for (let i = 0; i < 100; i++) {
      svc.parse(docOf(text, `file:///work/other-${i}.cpworkflow.json`));
      assert.equal(svc.parse(open), first, `re-parsed after opening ${i + 1} other files`);
    }
  });
});
