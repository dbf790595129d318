// The layering of docs/architecture.md, checked in `npm test` (npm run lint) over every folder of ours: server/src,
// client/src, test, bench and scripts. A rule here is a sentence there; each folder of the product has an allow-list.
const OURS = '^(server/src|client|test|bench|scripts)/';
/** "`from` may import, of our code, only what `allowed` matches" (libraries are ruled separately). */
const mayImportOnly = (name, from, allowed, comment) => ({
  name,
  severity: 'error',
  ...(comment ? { comment } : {}),
  from: { path: from },
  to: { path: OURS, pathNot: allowed },
});
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No import cycles at all, type-only imports included.',
      from: {},
      to: { circular: true },
    },
    // Each folder of the product may import only what its allow-list names (of our code; libraries are ruled below).
    mayImportOnly(
      'engine-imports-only-engine-and-generated',
      '^server/src/engine/',
      '^server/src/(engine|generated)/',
      'server/src/engine imports only itself, server/src/generated, the snippets file and libraries.',
    ),
    mayImportOnly('generated-imports-nothing-of-ours', '^server/src/generated/', '^server/src/generated/'),
    mayImportOnly(
      'protocol-imports-nothing-of-ours',
      '^server/src/protocol\\.ts$',
      '^$',
      'The LSP protocol module (custom methods and their types) is shared by the client and the server.',
    ),
    mayImportOnly(
      'config-files-import-only-the-engine',
      '^server/src/configFiles\\.ts$',
      '^server/src/engine/',
      "Finding and reading cpworkflow.config.json, shared by the CLI and the LSP server; the rules are the engine's.",
    ),
    mayImportOnly(
      'aws-imports-only-engine-and-generated',
      '^server/src/aws/',
      '^server/src/(aws|engine|generated)/',
      'The AWS service library sits below every shell (CLI, LSP server, client) and beside the account library.',
    ),
    mayImportOnly(
      'account-imports-only-engine-and-aws',
      '^server/src/account/',
      '^server/src/(account|engine|generated|aws)/',
      'The account library uses the AWS library (its client builder, pager), never a shell.',
    ),
    mayImportOnly(
      'lsp-imports-only-engine-account-and-protocol',
      '^server/src/lsp/',
      '^server/src/(lsp|engine|generated|account)/|^server/src/(protocol|configFiles)\\.ts$',
      'The LSP server: the engine, the account library (loaded only when the account is on) and the protocol.',
    ),
    mayImportOnly(
      'server-entry-imports-only-lsp',
      '^server/src/server\\.ts$',
      '^server/src/lsp/',
      'server/src/server.ts only creates the connection and calls startServer.',
    ),
    mayImportOnly(
      'cli-imports-only-engine-aws-and-account',
      '^server/src/cli/',
      '^server/src/(cli|engine|generated|aws|account)/|^server/src/configFiles\\.ts$',
      'The CLI shares the engine and the libraries with the LSP server, never the server itself or the client.',
    ),
    mayImportOnly(
      'client-imports-only-entry-points',
      '^client/',
      '^client/|^server/src/(engine|aws)/index\\.ts$|^server/src/protocol\\.ts$',
      'The client reaches the engine and the AWS library through their index.ts only, and the protocol ' +
        'module; never the LSP server (it runs it as a process), the CLI or the account library.',
    ),
    {
      name: 'product-never-imports-tests-or-tools',
      severity: 'error',
      comment: 'server/ and client/ ship; test/, bench/ and scripts/ do not, so nothing shipped imports them.',
      from: { path: '^(server/src|client)/' },
      to: { path: '^(test|bench|scripts)/' },
    },
    {
      name: 'tools-never-import-client',
      severity: 'error',
      comment: 'bench/ and scripts/ run in plain Node, where the client (and vscode) cannot load.',
      from: { path: '^(bench|scripts)/' },
      to: { path: '^client/' },
    },
    {
      name: 'engine-does-no-io',
      severity: 'error',
      comment: 'The engine is synchronous and pure: no file system, network, processes or AWS SDK.',
      from: { path: '^server/src/engine/' },
      to: {
        dependencyTypes: ['core', 'npm', 'npm-dev'],
        path: '^(fs|node:fs|net|node:net|http|node:http|https|node:https|child_process|node:child_process)$|@aws-sdk|@smithy',
      },
    },
    {
      name: 'only-aws-and-account-load-the-sdk',
      severity: 'error',
      comment: 'Only server/src/aws and server/src/account (and tests and scripts) import the AWS SDK and Smithy.',
      from: { path: '^(server/src|client)/', pathNot: '^server/src/(aws|account)/' },
      to: { path: '@aws-sdk|@smithy' },
    },
    {
      name: 'aws-and-account-load-the-sdk-lazily',
      severity: 'error',
      comment:
        'The AWS and account libraries import the AWS SDK and Smithy as types only, or with await import(): ' +
        'importing them loads no SDK, so the CLI, the server and the extension pay for it only when a request is made.',
      from: { path: '^server/src/(aws|account)/' },
      to: { path: '@aws-sdk|@smithy', dependencyTypesNot: ['type-only', 'dynamic-import'] },
    },
    {
      name: 'only-client-imports-vscode',
      severity: 'error',
      from: { path: '^(server|bench|scripts)/' },
      to: { path: '^vscode$', dependencyTypes: ['npm', 'npm-dev', 'core', 'unknown', 'undetermined'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: { path: '^(server|client|test|bench|scripts)/', pathNot: '^test/fixtures/' },
      to: { couldNotResolve: true, pathNot: '^vscode$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // the fixtures are cruised only on purpose (test/foundation/layering.test.ts); esbuild.mjs is the build script,
    // which the tsconfig's baseUrl would otherwise stand in for the `esbuild` package
    exclude: { path: '^(dist|out|node_modules|\\.cache)/|^esbuild\\.mjs$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // packages that publish entry points through "exports" only (csv-parse/sync), as Node and esbuild resolve them
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'] },
    combinedDependencies: true,
  },
};
