// The account rows of the benchmark: our server (dist/server.js over stdio) with the account turned on against the
// local endpoint serving the demo account. Time from didOpen to the first diagnostics that carry an account finding
// (the Zendesk example's unmapped key, ACC-10), and completion at a SourceFields entry with the account cached.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspProcess, clientCapabilities } from './lsp.mjs';
import { median, percentile, positionAt } from './stats.mjs';
import { fakeAwsKeys, startLocalEndpoint } from '../test/endpoint/customerProfilesEndpoint.mjs';

export async function measureAccount(dist, root, { opens, requests }) {
  const keys = fakeAwsKeys();
  const endpoint = await startLocalEndpoint({ credentials: { [keys.accessKeyId]: keys.secretAccessKey } });
  const text = readFileSync(join(root, 'examples/zendesk-ticket.cpworkflow.json'), 'utf8');
  const firstAccount = [];
  const firstAny = [];
  let completion;
  try {
    for (let run = 0; run < opens; run++) {
      // a new server each run: nothing cached, the facts are fetched after the open
      const lsp = new LspProcess([join(dist, 'server.js'), '--stdio'], {
        env: {
          AWS_ACCESS_KEY_ID: keys.accessKeyId,
          AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
          AWS_REGION: endpoint.region,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
      });
      try {
        await lsp.request('initialize', {
          processId: process.pid,
          rootUri: null,
          capabilities: clientCapabilities(),
          initializationOptions: { account: { enabled: true, endpointUrl: endpoint.url, region: endpoint.region } },
        });
        lsp.notify('initialized', {});
        const uri = `file:///bench/account-${run}.cpworkflow.json`;
        const any = lsp.next('textDocument/publishDiagnostics', (p) => p.uri === uri);
        const account = lsp.next(
          'textDocument/publishDiagnostics',
          (p) => p.uri === uri && p.diagnostics.some((d) => String(d.code).startsWith('ACC-')),
        );
        const opened = performance.now();
        lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'cpworkflow', version: 1, text } });
        firstAny.push((await any).at - opened);
        firstAccount.push((await account).at - opened);
        if (run === opens - 1) {
          // inside the quotes of the projection's first field: the account's fields of the Zendesk object
          const offset =
            text.indexOf('"SourceFields": [') + text.slice(text.indexOf('"SourceFields": [')).indexOf('"id"') + 1;
          const position = positionAt(text, offset);
          const times = [];
          for (let i = 0; i < requests; i++) {
            const t = performance.now();
            const { result } = await lsp.request('textDocument/completion', { textDocument: { uri }, position });
            times.push(performance.now() - t);
            if (i === 0 && !(result.items ?? result).some((item) => String(item.detail ?? '').includes('primary key')))
              throw new Error('completion did not list the account fields');
          }
          completion = { p50: percentile(times, 50), p95: percentile(times, 95) };
        }
      } finally {
        await lsp.stop();
      }
    }
  } finally {
    await endpoint.stop();
  }
  return { firstDiagnostics: median(firstAny), firstAccountDiagnostics: median(firstAccount), completion, runs: opens };
}
