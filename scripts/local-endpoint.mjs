#!/usr/bin/env node
// Runs the local Customer Profiles + AppFlow endpoint (test/endpoint/customerProfilesEndpoint.mjs) for a demo:
//   node scripts/local-endpoint.mjs [--port 4566] [--region us-east-1] [--seed N | --domain NAME:Type1,Type2 ...]
//        [--fail-object-type TYPE]... [--step-ms 800] [--steps 4]
// It serves the demo account (test/endpoint/accountData.mjs: domains, object types, templates, connector profiles,
// entities, fields, flows); --seed serves a random account instead (the same seed, the same account); --domain
// replaces the demo's domains by bare ones.
// It accepts requests signed with AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from its environment, or with fake keys
// it makes up and prints. Listens on 127.0.0.1 only; Ctrl-C stops it.
import { parseArgs } from 'node:util';
import { fakeAwsKeys, startLocalEndpoint } from '../test/endpoint/customerProfilesEndpoint.mjs';
import { randomAccount } from '../test/endpoint/accountData.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4566' },
    region: { type: 'string', default: 'us-east-1' },
    domain: { type: 'string', multiple: true },
    seed: { type: 'string' },
    'fail-object-type': { type: 'string', multiple: true, default: ['Failing-Type'] },
    'step-ms': { type: 'string', default: '800' },
    steps: { type: 'string', default: '4' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(
    'usage: node scripts/local-endpoint.mjs [--port 4566] [--region us-east-1] [--seed N | --domain NAME:Type1,Type2 ...] [--fail-object-type TYPE]... [--step-ms 800] [--steps 4]',
  );
  process.exit(0);
}

const fromEnv = process.env.AWS_ACCESS_KEY_ID && process.env.AWS_SECRET_ACCESS_KEY;
const { accessKeyId, secretAccessKey } = fromEnv
  ? { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY }
  : fakeAwsKeys();
const failing = values['fail-object-type'];
const domains = values.domain
  ? Object.fromEntries(
      values.domain.map((spec) => {
        const [name, types = ''] = spec.split(':');
        const objectTypes = types.split(',').filter(Boolean);
        return [name, { objectTypes, failObjectTypes: objectTypes.filter((t) => failing.includes(t)) }];
      }),
    )
  : undefined;

const endpoint = await startLocalEndpoint({
  port: Number(values.port),
  region: values.region,
  credentials: { [accessKeyId]: secretAccessKey },
  ...(values.seed !== undefined ? { account: randomAccount(Number(values.seed)) } : { domains }),
  timing: { stepMs: Number(values['step-ms']), totalSteps: Number(values.steps) },
  log: (line) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`),
});

console.log(`Local Customer Profiles + AppFlow endpoint: ${endpoint.url} (region ${endpoint.region})`);
for (const [name, d] of Object.entries(endpoint.account.domains)) {
  const failingHere = d.failObjectTypes ?? [];
  console.log(
    `  domain ${name}: object types ${Object.keys(d.objectTypes).join(', ') || '(none)'}${failingHere.length ? `; failing: ${failingHere.join(', ')}` : ''}`,
  );
}
for (const p of endpoint.account.connectorProfiles) {
  console.log(`  connector profile ${p.name} (${p.connectorType}): ${p.entities.map((e) => e.name).join(', ')}`);
}
console.log(`  flows: ${endpoint.account.flows.map((fl) => fl.flowName).join(', ')}`);
if (fromEnv) console.log('  accepting the keys in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY');
else {
  // Made-up keys that only this process knows; printing them is the point of the demo.
  console.log('  use these made-up keys (valid only here):');
  console.log(
    `    export AWS_ACCESS_KEY_ID=${accessKeyId} AWS_SECRET_ACCESS_KEY=${secretAccessKey} AWS_REGION=${endpoint.region} AWS_ENDPOINT_URL=${endpoint.url}`,
  );
}

const stop = async () => {
  await endpoint.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
