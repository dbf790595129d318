// The snippets of snippets/cpworkflow.json: each one, expanded with its default placeholder values where it belongs,
// validates without errors, as contributed to VS Code and as offered by the server for every connector.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSONPath, applyEdits, findNodeAtLocation, format, modify, parseTree } from 'jsonc-parser';
import { connectors } from '../../server/src/generated/model';
import {
  CONNECTOR_KEY_CHOICE,
  SNIPPETS,
  defaultText,
  snippetText,
  sourceObjectOf,
  sourceObjectProblem,
  withConnectorKey,
  workflowTemplate,
} from '../../server/src/engine/snippets';
import { ROOT, exampleFiles, readExample } from '../support/workflows';
import { completeAt, describe1, errorsOf, validate } from './support';

const FMT = { formattingOptions: { insertSpaces: true, tabSize: 2 } };

/** The context path with `[]` as "append to this list". */
function pathOf(context: string): { path: JSONPath; append: boolean } {
  const append = context.endsWith('[]');
  return { path: (append ? context.slice(0, -2) : context).split('.'), append };
}

/** `example` with the snippet's default text inserted at its context. */
function insertInto(example: string, context: string, text: string): string {
  const { path, append } = pathOf(context);
  const value = JSON.parse(text);
  if (!append) return applyEdits(example, modify(example, path, value, FMT));
  const list = findNodeAtLocation(parseTree(example)!, path);
  if (!list) return applyEdits(example, modify(example, path, [value], FMT));
  return applyEdits(
    example,
    modify(example, [...path, list.children!.length], value, { ...FMT, isArrayInsertion: true }),
  );
}

const exampleFor = (connectorType: string) =>
  readExample(exampleFiles().find((f) => readExample(f).includes(`"ConnectorType": "${connectorType}"`))!);

describe('snippets', () => {
  it('come only from the server, where their JSON fits: VS Code gets no snippet file (it would offer all 16 everywhere) and no word-based suggestions', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.contributes.snippets, undefined);
    assert.ok(!pkg.categories.includes('Snippets'), 'the Marketplace category promises contributed snippets');
    assert.equal(pkg.contributes.configurationDefaults['[cpworkflow]']['editor.wordBasedSuggestions'], 'off');
  });

  it('cover a workflow per connector, three triggers, seven tasks and a batch', () => {
    assert.deepEqual(
      SNIPPETS.map((s) => s.prefix),
      [
        'workflow-salesforce',
        'workflow-marketo',
        'workflow-servicenow',
        'workflow-zendesk',
        'workflow-s3',
        'trigger-scheduled',
        'trigger-ondemand',
        'trigger-event',
        'task-projection',
        'task-map',
        'task-mask',
        'task-validate',
        'task-arithmetic',
        'task-merge',
        'task-truncate',
        'batch',
      ],
    );
    for (const c of connectors)
      assert.ok(
        SNIPPETS.some((s) => s.context === '' && s.body.includes(`"ConnectorType": "${c.type}"`)),
        c.type,
      );
  });

  it('are laid out as Format Document lays them out: every snippet, expanded, is left unchanged by it', () => {
    for (const s of SNIPPETS) {
      const expanded = defaultText(withConnectorKey(s.body, 'Zendesk')).replace(/\t/g, '  ');
      const edits = format(expanded, undefined, { tabSize: 2, insertSpaces: true, eol: '\n' });
      assert.equal(applyEdits(expanded, edits), expanded, `${s.prefix} is reformatted`);
    }
  });

  it('offer every connector key in the ConnectorOperator choice of each task', () => {
    for (const s of SNIPPETS.filter((x) => x.prefix.startsWith('task-'))) {
      assert.equal(
        (s.body.match(CONNECTOR_KEY_CHOICE) ?? []).length,
        1,
        `${s.prefix} has the choice of ${connectors.map((c) => c.key).join(',')}`,
      );
    }
  });

  it('expand whole workflows with their defaults into files without errors', () => {
    for (const s of SNIPPETS.filter((x) => x.context === '')) {
      const text = defaultText(s.body);
      assert.deepEqual(errorsOf(validate(text)), [], `${s.prefix}:\n${describe1(validate(text))}`);
    }
  });

  it('expand triggers, tasks and batches with their defaults where they belong, for every connector, without errors', () => {
    for (const c of connectors) {
      const example = exampleFor(c.type);
      const baseline = new Set(errorsOf(validate(example)).map((d) => d.message));
      assert.equal(baseline.size, 0, `${c.type} example has errors`);
      for (const s of SNIPPETS.filter((x) => x.context !== '')) {
        const text = insertInto(example, s.context, defaultText(withConnectorKey(s.body, c.key)));
        assert.deepEqual(errorsOf(validate(text)), [], `${s.prefix} in ${c.type}:\n${describe1(validate(text))}`);
      }
    }
  });

  it('as contributed (the choice left at its default, Salesforce) fit a Salesforce file', () => {
    const example = exampleFor('Salesforce');
    for (const s of SNIPPETS.filter((x) => x.context !== '')) {
      const text = insertInto(example, s.context, defaultText(s.body));
      assert.deepEqual(errorsOf(validate(text)), [], `${s.prefix}:\n${describe1(validate(text))}`);
    }
  });

  it("inserted through completion in each connector's file leave no error", () => {
    for (const c of connectors) {
      const example = exampleFor(c.type);
      const tasks = completeAt(example.replace('"Tasks": [', '"Tasks": [|'));
      const taskSnippets = tasks.labels.filter((l) => l.startsWith('task-'));
      // every task snippet is offered where a task goes, so the loop below checks all of them
      assert.deepEqual(
        taskSnippets.sort(),
        SNIPPETS.filter((x) => x.prefix.startsWith('task-'))
          .map((x) => x.prefix)
          .sort(),
        c.type,
      );
      for (const label of taskSnippets) {
        const text = tasks.apply(label);
        assert.deepEqual(errorsOf(validate(text)), [], `${label} in ${c.type}:\n${describe1(validate(text))}`);
      }
    }
  });
});

describe('defaultText', () => {
  it('keeps defaults, takes the first choice, fills mirrors (also before their placeholder) and unescapes', () => {
    assert.equal(defaultText('${1:a} $1 ${2|x,y|} ${3:${1}b} ${4} \\$5 \\} $0'), 'a a x ab  $5 } ');
    assert.equal(defaultText('"$2" "${2:late}"'), '"late" "late"');
  });
});

describe('New File template', () => {
  it("uses the chosen connector's workflow with the object filled in and names derived from it", () => {
    const t = workflowTemplate('Salesforce', 'Contact')!;
    assert.match(t, /"Object": "Contact"/);
    assert.match(t, /"ObjectTypeName": "\$\{2:Salesforce-Contact\}"/);
    assert.match(t, /"FlowName": "\$\{5:Salesforce-Contact-flow\}"/);
    assert.match(t, /\$\{1:my-domain\}/, 'the first placeholder is still there for the cursor');
    const text = defaultText(t);
    assert.deepEqual(errorsOf(validate(text)), [], describe1(validate(text)));
  });

  it('escapes what the user typed for JSON and for the snippet, and keeps names valid', () => {
    const t = workflowTemplate('Servicenow', 'x_"odd"$ {table}')!;
    const value = JSON.parse(defaultText(t));
    assert.equal(
      value.IntegrationConfig.AppflowIntegration.FlowDefinition.SourceFlowConfig.SourceConnectorProperties.ServiceNow
        .Object,
      'x_"odd"$ {table}',
    );
    assert.equal(value.ObjectTypeName, 'ServiceNow-x_-odd-table');
  });

  it('names an S3 bucket, for every connector gives a file without errors, and knows no other connector', () => {
    assert.match(workflowTemplate('S3', 'my.exports')!, /"BucketName": "my\.exports"/);
    for (const c of connectors) {
      const text = defaultText(workflowTemplate(c.type, 'Thing')!);
      assert.deepEqual(errorsOf(validate(text)), [], `${c.type}:\n${describe1(validate(text))}`);
    }
    assert.equal(workflowTemplate('Slack', 'x'), undefined);
    assert.equal(snippetText('a$b}c\\'), 'a\\$b\\}c\\\\');
  });

  it('checks the object the user types against the model (S3 bucket names: 3 to 63 characters; no whitespace)', () => {
    assert.deepEqual(sourceObjectOf('S3'), { member: 'BucketName', example: 'my-customer-exports' });
    assert.deepEqual(sourceObjectOf('Salesforce'), { member: 'Object', example: 'Account' });
    assert.equal(sourceObjectProblem('S3', 'ab'), 'At least 3 characters.');
    assert.equal(sourceObjectProblem('S3', 'b'.repeat(64)), 'At most 63 characters.');
    assert.equal(sourceObjectProblem('Salesforce', 'Account Team'), 'No spaces: the model allows no whitespace here.');
    assert.equal(sourceObjectProblem('Salesforce', '  '), 'Enter the object name.');
    assert.equal(sourceObjectProblem('Salesforce', 'Contact'), undefined);
  });
});
