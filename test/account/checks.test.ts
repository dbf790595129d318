// Every account check, its quick fix, completion and hover, against the local endpoint serving a random account
// (seed logged). Each test breaks a clean file derived from the data in one way; what it expects comes from the data.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { AccountProviders, completeSnapshot } from '../../server/src/account';
import type { AccountSnapshot } from '../../server/src/engine/accountSnapshot';
import { createWorkflowLanguageService } from '../../server/src/engine/service';
import { connectors } from '../../server/src/generated/model';
import { closestFirst } from '../../server/src/engine/findings';
import {
  chooseFrom,
  cleanWorkflow,
  documentOf,
  flowOf,
  startAccount,
  type AccountFixture,
  type Choice,
} from './support';

const CARET = '@@CARET@@';

describe('account checks, fixes, completion and hover (random account)', function () {
  this.timeout(20000);
  let fx: AccountFixture;
  let providers: AccountProviders;
  let choice: Choice;
  const service = createWorkflowLanguageService({ now: () => new Date('2026-12-01T00:00:00Z') });

  before(async () => {
    fx = await startAccount('checks');
    providers = new AccountProviders();
    choice = chooseFrom(fx.account);
  });
  after(async () => {
    providers?.dispose();
    await fx?.stop();
  });

  const clean = () => cleanWorkflow(fx.account, choice);
  const snapshotOf = (doc: TextDocument) => completeSnapshot(providers.providerFor(fx.connection), doc);
  async function check(json: unknown): Promise<{ doc: TextDocument; account: Diagnostic[]; all: Diagnostic[] }> {
    const doc = documentOf(json);
    const all = service.validate(doc, {}, await snapshotOf(doc));
    return { doc, all, account: all.filter((d) => String(d.code).startsWith('ACC-')) };
  }
  const textAt = (doc: TextDocument, d: Diagnostic) => doc.getText(d.range);
  const only = (ds: Diagnostic[], code: string) => {
    const found = ds.filter((d) => d.code === code);
    assert.equal(found.length, 1, `one ${code} in ${JSON.stringify(ds.map((d) => [d.code, d.message]))}`);
    return found[0];
  };
  const fixTitles = (doc: TextDocument, d: Diagnostic) => service.codeActions(doc, [d]).map((a) => a.title);
  function applyFirstFix(doc: TextDocument, d: Diagnostic, title?: string): TextDocument {
    const action = service.codeActions(doc, [d]).find((a) => !title || a.title === title);
    assert.ok(action, `a fix for ${d.code}`);
    const edits = action.edit!.changes![doc.uri];
    return TextDocument.create(doc.uri, 'cpworkflow', doc.version + 1, TextDocument.applyEdits(doc, edits));
  }

  it('a file that fits the account gets no account finding, and exactly the offline diagnostics', async () => {
    const { doc, account, all } = await check(clean());
    assert.deepEqual(account, []);
    // but PAT-15's guess ("keep it only if you created that object type"): the account found it in the domain
    assert.deepEqual(
      all,
      service.validate(doc).filter((d) => d.code !== 'PAT-15'),
    );
    assert.ok(!all.some((d) => d.code === 'PAT-15'));
  });

  it('ACC-1: a domain the account lacks, fixed to the closest real domain', async () => {
    const json = clean();
    json.DomainName = `${choice.domain}x`;
    const { doc, account } = await check(json);
    const d = only(account, 'ACC-1');
    assert.equal(textAt(doc, d), JSON.stringify(json.DomainName));
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.equal(
      fixTitles(doc, d)[0],
      `Change to "${closestFirst(json.DomainName, Object.keys(fx.account.domains))[0]}"`,
    );
    const fixed = applyFirstFix(doc, d);
    assert.equal(JSON.parse(fixed.getText()).DomainName, choice.domain);
  });

  it('ACC-2: an object type the domain lacks; a template of that name is named with how to create it', async () => {
    const json = clean();
    const own = Object.keys(fx.account.domains[choice.domain].objectTypes);
    const template = Object.keys(fx.account.templates).find((t) => !own.includes(t))!;
    json.ObjectTypeName = template;
    const { doc, account } = await check(json);
    const d = only(account, 'ACC-2');
    assert.equal(textAt(doc, d), JSON.stringify(template));
    assert.match(d.message, /A template of that name exists/);
    assert.ok(d.message.includes(`--template-id ${template}`));
    json.ObjectTypeName = `${choice.objectType}-nope`;
    const second = await check(json);
    const d2 = only(second.account, 'ACC-2');
    assert.doesNotMatch(d2.message, /template/);
    assert.ok(fixTitles(second.doc, d2).includes(`Change to "${choice.objectType}"`));
  });

  it('ACC-3 / ACC-4: a missing connection, or one of another connector, fixed to the right type closest first', async () => {
    const json = clean();
    const source = flowOf(json).SourceFlowConfig;
    source.ConnectorProfileName = `${choice.profile.name}-old`;
    let r = await check(json);
    const missing = only(r.account, 'ACC-3');
    const sameType = fx.account.connectorProfiles
      .filter((p) => p.connectorType === choice.profile.connectorType)
      .map((p) => p.name);
    assert.deepEqual(
      fixTitles(r.doc, missing),
      closestFirst(source.ConnectorProfileName, sameType).map((n) => `Change to "${n}"`),
    );
    const other = fx.account.connectorProfiles.find((p) => p.connectorType !== choice.profile.connectorType)!;
    source.ConnectorProfileName = other.name;
    r = await check(json);
    const wrong = only(r.account, 'ACC-4');
    assert.ok(wrong.message.includes(`is a ${other.connectorType} connection, not ${choice.profile.connectorType}`));
    assert.ok(fixTitles(r.doc, wrong).every((t) => sameType.some((n) => t === `Change to "${n}"`)));
  });

  it('ACC-5: a source object the connection lacks', async () => {
    const json = clean();
    const props = flowOf(json).SourceFlowConfig.SourceConnectorProperties as Record<string, { Object: string }>;
    const key = Object.keys(props)[0];
    props[key].Object = `${choice.entity.name}Z`;
    const { doc, account } = await check(json);
    const d = only(account, 'ACC-5');
    assert.equal(textAt(doc, d), JSON.stringify(props[key].Object));
    assert.equal(fixTitles(doc, d)[0], `Change to "${choice.entity.name}"`);
  });

  it('ACC-6: every field a task reads exists on the object, at each place it is read', async () => {
    const json = clean();
    const tasks = flowOf(json).Tasks;
    const wrongName = `${choice.sources[0]}_zz`;
    tasks[0].SourceFields = [...tasks[0].SourceFields, wrongName];
    tasks.push({ ...tasks[1], SourceFields: [wrongName], DestinationField: 'Extra', TaskType: 'Map' });
    const { doc, account } = await check(json);
    const found = account.filter((d) => d.code === 'ACC-6');
    assert.equal(found.length, 2);
    for (const d of found) assert.equal(textAt(doc, d), JSON.stringify(wrongName));
    // in the projection, the fields it already lists are no replacement (a second copy would be a duplicate)
    const [inProjection, inMap] = found;
    const projected = new Set(tasks[0].SourceFields);
    const offered = fixTitles(doc, inProjection).filter((t) => t.startsWith('Change to '));
    assert.ok(offered.length > 0, 'replacements offered in the projection');
    for (const t of offered) assert.ok(!projected.has(JSON.parse(t.slice('Change to '.length))), `${t} is projected`);
    // in the Map, the closest spelling first, before any fix that adds something elsewhere
    assert.equal(fixTitles(doc, inMap)[0], `Change to "${choice.sources[0]}"`);
    const all = service.codeActions(
      doc,
      service.validate(doc, {}, await snapshotOf(doc)).filter((d) => d.range.start.line === inMap.range.start.line),
    );
    assert.equal(all[0].title, `Change to "${choice.sources[0]}"`, JSON.stringify(all.map((a) => a.title)));
  });

  it('a Map that reads a field the object type reads but writes it under another name: a warning at that DestinationField, renamed by the fix', async () => {
    const json = clean();
    const renamed = choice.keySources[0];
    const map = flowOf(json).Tasks.find((t) => t.DestinationField === renamed)!;
    map.DestinationField = `${renamed}Copy`;
    const { doc, all } = await check(json);
    const found = all.filter((d) => (d.data as { field?: string }).field === renamed);
    assert.equal(found.length, 1, JSON.stringify(all.map((d) => [d.code, d.message])));
    const d = found[0];
    assert.equal(d.code, 'ACC-10');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.equal(textAt(doc, d), JSON.stringify(`${renamed}Copy`));
    assert.ok(!all.some((x) => x.code === 'ACC-11'), 'the renamed destination is not also "nothing reads it"');
    assert.deepEqual(fixTitles(doc, d), [`Change DestinationField to "${renamed}"`]);
    const fixed = applyFirstFix(doc, d);
    const again = service.validate(fixed, {}, await snapshotOf(fixed));
    assert.deepEqual(
      again.filter((x) => String(x.code).startsWith('ACC-')),
      [],
    );
    assert.equal(
      JSON.parse(fixed.getText()).IntegrationConfig.AppflowIntegration.FlowDefinition.Tasks.length,
      flowOf(json).Tasks.length,
      'no second Map',
    );
  });

  it('ACC-7: DatetimeTypeFieldName must be a field the connector can pull incrementally', async () => {
    const plain = choice.entity.fields.find((f) => !f.incremental)!;
    const usable = choice.entity.fields.filter((f) => f.incremental).map((f) => f.identifier);
    const json = clean();
    const source = flowOf(json).SourceFlowConfig as { IncrementalPullConfig?: { DatetimeTypeFieldName: string } };
    source.IncrementalPullConfig = { DatetimeTypeFieldName: plain.identifier };
    const { doc, account } = await check(json);
    const d = only(account, 'ACC-7');
    assert.equal(textAt(doc, d), JSON.stringify(plain.identifier));
    assert.deepEqual(
      fixTitles(doc, d),
      closestFirst(plain.identifier, usable).map((n) => `Change to "${n}"`),
    );
    if (!usable.length) assert.match(d.message, /use DataPullMode Complete/);
  });

  it('ACC-8 / ACC-9: a filter operator the field does not support; DATA_TYPE and values against its type', async () => {
    const connector = connectors.find((c) => c.type === choice.profile.connectorType)!;
    const comparisons = ['EQUAL_TO', 'NOT_EQUAL_TO', 'LESS_THAN', 'GREATER_THAN', 'CONTAINS', 'BETWEEN'];
    let pick: { field: (typeof choice.entity.fields)[number]; op: string } | undefined;
    for (const field of choice.entity.fields)
      for (const op of comparisons)
        if (!pick && connector.operators.includes(op) && !field.filterOperators.includes(op)) pick = { field, op };
    // the primary key is an id, which no connector compares with GREATER_THAN (every connector has that operator)
    assert.ok(pick, 'a field and a comparison operator it does not support');
    const key = Object.keys(flowOf(clean()).Tasks[0].ConnectorOperator)[0];
    const json = clean();
    const numeric = choice.entity.fields.find((f) => f.fieldType === 'int' || f.fieldType === 'double');
    flowOf(json).Tasks.push({
      TaskType: 'Filter',
      ConnectorOperator: { [key]: pick.op },
      SourceFields: [pick.field.identifier],
      TaskProperties: { DATA_TYPE: 'not-a-type', VALUE: '1' },
    });
    if (numeric)
      flowOf(json).Tasks.push({
        TaskType: 'Filter',
        ConnectorOperator: { [key]: 'EQUAL_TO' },
        SourceFields: [numeric.identifier],
        TaskProperties: { DATA_TYPE: numeric.fieldType, VALUE: 'twelve' },
      });
    const { doc, account } = await check(json);
    const op = only(account, 'ACC-8');
    assert.equal(textAt(doc, op), JSON.stringify(pick.op));
    const allowed = pick.field.filterOperators.filter((o) => o !== 'PROJECTION');
    assert.deepEqual(
      new Set(fixTitles(doc, op)),
      new Set(
        closestFirst(pick.op, allowed)
          .slice(0, 8)
          .map((o) => `Change to "${o}"`),
      ),
    );
    const types = account.filter((d) => d.code === 'ACC-9');
    const dataType = types.find((d) => textAt(doc, d) === '"not-a-type"')!;
    assert.ok(dataType, 'DATA_TYPE flagged');
    assert.deepEqual(fixTitles(doc, dataType), [`Change to "${pick.field.fieldType}"`]);
    // a value against DATA_TYPE itself is the offline TP-10, once (not ACC-9 as well)
    if (numeric) {
      const all = service.validate(doc, {}, await snapshotOf(doc)).filter((d) => textAt(doc, d) === '"twelve"');
      assert.deepEqual(
        all.map((d) => d.code),
        ['TP-10'],
      );
    }
  });

  it('ACC-10: a key source no Map writes: the fix projects and maps it, and the finding goes', async () => {
    const json = clean();
    const dropped = choice.keySources[0];
    const tasks = flowOf(json).Tasks;
    flowOf(json).Tasks = tasks.filter((t) => t.DestinationField !== dropped);
    tasks[0].SourceFields = tasks[0].SourceFields.filter((f) => f !== dropped);
    const { doc, account } = await check(json);
    const d = only(
      account.filter((x) => (x.data as { field?: string }).field === dropped),
      'ACC-10',
    );
    assert.equal(textAt(doc, d), '"Tasks"');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    const fixed = applyFirstFix(doc, d, `Project and map "${dropped}"`);
    const after = JSON.parse(fixed.getText());
    const fixedTasks = after.IntegrationConfig.AppflowIntegration.FlowDefinition.Tasks;
    assert.ok(fixedTasks[0].SourceFields.includes(dropped), 'projected');
    assert.ok(
      fixedTasks.some((t: { DestinationField?: string }) => t.DestinationField === dropped),
      'mapped',
    );
    const again = service.validate(fixed, {}, await snapshotOf(fixed));
    assert.deepEqual(
      again.filter((x) => String(x.code).startsWith('ACC-')),
      [],
    );
    assert.deepEqual(
      again.filter((x) => x.severity === DiagnosticSeverity.Error),
      [],
    );
  });

  it('"Project and map every field the object type reads" writes them all', async () => {
    const json = clean();
    flowOf(json).Tasks = [{ ...flowOf(json).Tasks[0], SourceFields: [choice.sources[0]] }];
    const { doc, account } = await check(json);
    const missing = account.filter((d) => d.code === 'ACC-10' || d.code === 'ACC-12');
    assert.equal(missing.length, choice.sources.length);
    assert.ok(missing.length >= 2, 'the fix writes more than the one field already there');
    const fixed = applyFirstFix(doc, missing[0], 'Project and map every field the object type reads');
    const again = service.validate(fixed, {}, await snapshotOf(fixed));
    assert.deepEqual(
      again.filter((x) => String(x.code).startsWith('ACC-')),
      [],
    );
  });

  it('ACC-11 / ACC-12: a DestinationField nothing reads; an object type field nothing writes', async () => {
    const json = clean();
    const tasks = flowOf(json).Tasks;
    tasks.push({ ...tasks[1], DestinationField: 'NobodyReadsThis' });
    const nonKey = choice.sources.find((s) => !choice.keySources.includes(s));
    assert.ok(nonKey, 'the chosen object type reads a field that no key reads');
    flowOf(json).Tasks = tasks.filter((t) => t.DestinationField !== nonKey);
    const { doc, account } = await check(json);
    const unread = only(account, 'ACC-11');
    assert.equal(textAt(doc, unread), '"NobodyReadsThis"');
    assert.equal(unread.severity, DiagnosticSeverity.Information);
    const unwritten = only(account, 'ACC-12');
    assert.equal(textAt(doc, unwritten), JSON.stringify(choice.objectType));
    assert.ok(unwritten.message.includes(`_source.${nonKey}`));
  });

  it('ACC-13: a FlowName the account already has is an error, fixed to a free name', async () => {
    const json = clean();
    const taken = fx.account.flows[0].flowName;
    flowOf(json).FlowName = taken;
    const { doc, account } = await check(json);
    const d = only(account, 'ACC-13');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(textAt(doc, d), JSON.stringify(taken));
    const fixed = JSON.parse(applyFirstFix(doc, d).getText());
    const name = fixed.IntegrationConfig.AppflowIntegration.FlowDefinition.FlowName;
    assert.ok(!fx.account.flows.some((f) => f.flowName === name));
  });

  it('ACC-0: an account that cannot answer is one information item at the file start; offline findings stay', async () => {
    const down = new AccountProviders().providerFor({ ...fx.connection, endpointUrl: 'http://127.0.0.1:9' });
    const json = clean();
    (json as Record<string, unknown>).WorkflowType = 'NOPE';
    const doc = documentOf(json);
    const s = await completeSnapshot(down, doc);
    const all = service.validate(doc, {}, s);
    const info = only(all, 'ACC-0');
    assert.equal(info.severity, DiagnosticSeverity.Information);
    assert.deepEqual(info.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.deepEqual(
      all.filter((d) => d.code !== 'ACC-0'),
      service.validate(doc),
    );
    down.dispose();
  });

  // ---- completion and hover ----

  async function completeAt(json: unknown, account?: AccountSnapshot) {
    const text = JSON.stringify(json, null, 2);
    const offset = text.indexOf(`"${CARET}"`) + 1;
    const doc = TextDocument.create('file:///c.cpworkflow.json', 'cpworkflow', 1, text.replace(CARET, ''));
    return service.complete(doc, doc.positionAt(offset), account ?? (await snapshotOf(doc)));
  }

  it('completes SourceFields with the object fields, labels, types, "primary key" and "incremental"', async () => {
    const json = clean();
    flowOf(json).Tasks[0].SourceFields = [CARET];
    const list = await completeAt(json);
    const fromAccount = list.items.slice(0, choice.entity.fields.length);
    assert.deepEqual(
      fromAccount.map((i) => i.label),
      choice.entity.fields.map((f) => f.identifier),
    );
    for (const [i, f] of choice.entity.fields.entries()) {
      assert.ok(fromAccount[i].detail!.startsWith(`${f.label} · ${f.fieldType}`));
      assert.equal(fromAccount[i].detail!.includes('primary key'), f.isPrimaryKey);
      assert.equal(fromAccount[i].detail!.includes('incremental'), f.incremental);
    }
    assert.equal(list.isIncomplete, false);
  });

  it('in the projection, SourceFields completion lists unused fields first and marks those already projected', async () => {
    const json = clean();
    const used = choice.entity.fields[0].identifier;
    flowOf(json).Tasks[0].SourceFields = [used, CARET];
    const list = await completeAt(json);
    const fromAccount = list.items.slice(0, choice.entity.fields.length);
    assert.equal(fromAccount[fromAccount.length - 1].label, used, 'the projected field comes last');
    assert.ok(fromAccount[fromAccount.length - 1].detail!.startsWith('already projected · '));
    for (const item of fromAccount.slice(0, -1)) assert.ok(!item.detail!.startsWith('already projected'), item.label);
  });

  it("completes ConnectorProfileName with the connections of the file's connector only", async () => {
    const json = clean();
    flowOf(json).SourceFlowConfig.ConnectorProfileName = CARET;
    const list = await completeAt(json);
    assert.deepEqual(
      list.items.map((i) => i.label),
      fx.account.connectorProfiles.filter((p) => p.connectorType === choice.profile.connectorType).map((p) => p.name),
    );
  });

  it('completes DomainName, ObjectTypeName (domain types, then templates), Object, DatetimeTypeFieldName and DestinationField', async () => {
    let json = clean();
    json.DomainName = CARET;
    assert.deepEqual(
      (await completeAt(json)).items.map((i) => i.label),
      Object.keys(fx.account.domains),
    );
    json = clean();
    json.ObjectTypeName = CARET;
    const own = Object.keys(fx.account.domains[choice.domain].objectTypes);
    assert.deepEqual(
      (await completeAt(json)).items.map((i) => i.label),
      [...own, ...Object.keys(fx.account.templates).filter((t) => !own.includes(t))],
    );
    json = clean();
    const props = flowOf(json).SourceFlowConfig.SourceConnectorProperties as Record<string, { Object: string }>;
    props[Object.keys(props)[0]].Object = CARET;
    assert.deepEqual(
      (await completeAt(json)).items.map((i) => i.label),
      choice.profile.entities.map((e) => e.name),
    );
    json = clean();
    (flowOf(json).SourceFlowConfig as Record<string, unknown>).IncrementalPullConfig = { DatetimeTypeFieldName: CARET };
    const incremental = (await completeAt(json)).items.map((i) => i.label);
    const usable = choice.entity.fields.filter((f) => f.incremental).map((f) => f.identifier);
    assert.deepEqual(incremental.slice(0, usable.length), usable);
    json = clean();
    flowOf(json).Tasks[1].DestinationField = CARET;
    const destinations = (await completeAt(json)).items.map((i) => i.label);
    assert.deepEqual(new Set(destinations.slice(0, choice.sources.length)), new Set(choice.sources));
    assert.deepEqual(
      destinations.slice(0, choice.keySources.length).sort(),
      [...choice.keySources].sort(),
      'what the keys read comes first',
    );
  });

  it('marks the list incomplete while the account is still being asked', async () => {
    const fresh = new AccountProviders().providerFor(fx.connection);
    const json = clean();
    flowOf(json).Tasks[0].SourceFields = [CARET];
    const doc = documentOf(json);
    const pending = fresh.snapshot([{ kind: 'domains' }]);
    const list = await completeAt(json, pending);
    assert.equal(list.isIncomplete, true);
    fresh.dispose();
    void doc;
  });

  it('hovers a field with its label, type and filter operators, and ObjectTypeName with its keys', async () => {
    const json = clean();
    const doc = documentOf(json);
    const account = await snapshotOf(doc);
    const field = choice.entity.fields.find((f) => choice.sources.includes(f.identifier))!;
    const text = doc.getText();
    const at = text.indexOf(`"${field.identifier}"`, text.indexOf('"SourceFields"')) + 1;
    const h = service.hover(doc, doc.positionAt(at), account);
    const md = (h?.contents as { value: string }).value;
    assert.ok(md.includes(field.label) && md.includes(field.fieldType));
    for (const op of field.filterOperators.filter((o) => o !== 'PROJECTION')) assert.ok(md.includes(op));
    const typeAt = text.indexOf(`"${choice.objectType}"`, text.indexOf('"ObjectTypeName"')) + 1;
    const th = (service.hover(doc, doc.positionAt(typeAt), account)?.contents as { value: string }).value;
    for (const k of Object.keys(fx.account.domains[choice.domain].objectTypes[choice.objectType].Keys))
      assert.ok(th.includes(k), `key ${k}`);
    for (const s of choice.keySources) assert.ok(th.includes(`_source.${s}\` ← Map from`));
  });

  // how fast (p50/p95 against the 20 ms target): npm run bench's account rows; here, that every answer is complete
  it('answers completion from the cached account on every new version of the document', async () => {
    const json = clean();
    flowOf(json).Tasks[0].SourceFields = [CARET];
    const text = JSON.stringify(json, null, 2);
    const offset = text.indexOf(`"${CARET}"`) + 1;
    const account = await snapshotOf(documentOf(clean()));
    for (let i = 0; i < 20; i++) {
      // a new version each time, as after a keystroke: the parse is part of the answer
      const doc = TextDocument.create('file:///p.cpworkflow.json', 'cpworkflow', i, text.replace(CARET, ''));
      const list = service.complete(doc, doc.positionAt(offset), account);
      assert.ok(list.items.length >= choice.entity.fields.length);
      assert.ok(!list.isIncomplete, 'the cached account answers in full');
    }
  });
});
