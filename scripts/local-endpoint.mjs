#!/usr/bin/env node
// Runs the local Customer Profiles endpoint (test/endpoint/customerProfilesEndpoint.mjs) for a demo:
//   node scripts/local-endpoint.mjs [--port 4566] [--region us-east-1] [--domain NAME:Type1,Type2]...
//        [--fail-object-type TYPE]... [--step-ms 800] [--steps 4]
// It accepts requests signed with AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from its environment, or with fake keys
// it makes up and prints. Listens on 127.0.0.1 only; Ctrl-C stops it.
import { parseArgs } from 'node:util';
import { fakeAwsKeys, startLocalEndpoint } from '../test/endpoint/customerProfilesEndpoint.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4566' },
    region: { type: 'string', default: 'us-east-1' },
    domain: { type: 'string', multiple: true, default: ['demo-domain:Salesforce-Account,S3-Orders,Failing-Type'] },
    'fail-object-type': { type: 'string', multiple: true, default: ['Failing-Type'] },
    'step-ms': { type: 'string', default: '800' },
    steps: { type: 'string', default: '4' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(
    'usage: node scripts/local-endpoint.mjs [--port 4566] [--region us-east-1] [--domain NAME:Type1,Type2]... [--fail-object-type TYPE]... [--step-ms 800] [--steps 4]',
  );
  process.exit(0);
}

const fromEnv = process.env.AWS_ACCESS_KEY_ID && process.env.AWS_SECRET_ACCESS_KEY;
const { accessKeyId, secretAccessKey } = fromEnv
  ? { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY }
  : fakeAwsKeys();
const failing = values['fail-object-type'];
const domains = Object.fromEntries(
  values.domain.map((spec) => {
    const [name, types = ''] = spec.split(':');
    const objectTypes = types.split(',').filter(Boolean);
    return [name, { objectTypes, failObjectTypes: objectTypes.filter((t) => failing.includes(t)) }];
  }),
);

const endpoint = await startLocalEndpoint({
  port: Number(values.port),
  region: values.region,
  credentials: { [accessKeyId]: secretAccessKey },
  domains,
  timing: { stepMs: Number(values['step-ms']), totalSteps: Number(values.steps) },
  log: (line) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`),
});

console.log(`Local Customer Profiles endpoint: ${endpoint.url} (region ${endpoint.region})`);
for (const [name, d] of Object.entries(domains)) {
  console.log(
    `  domain ${name}: object types ${d.objectTypes.join(', ') || '(none)'}${d.failObjectTypes.length ? `; failing: ${d.failObjectTypes.join(', ')}` : ''}`,
  );
}
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
