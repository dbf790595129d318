// The layering of docs/architecture.md, checked in `npm test` (npm run lint:deps). A rule here is a sentence there.
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
    {
      name: 'engine-is-a-plain-library',
      severity: 'error',
      comment: 'server/src/engine imports only itself, server/src/generated, the snippets file and libraries.',
      from: { path: '^server/src/engine/' },
      to: { path: '^(server/src|client|test|scripts|bench)/', pathNot: '^server/src/(engine|generated)/' },
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
      name: 'generated-imports-nothing-of-ours',
      severity: 'error',
      from: { path: '^server/src/generated/' },
      to: { path: '^(server|client)/', pathNot: '^server/src/generated/' },
    },
    {
      name: 'lsp-and-cli-never-import-client',
      severity: 'error',
      from: { path: '^server/src/(lsp|cli|submission)/' },
      to: { path: '^client/' },
    },
    {
      name: 'lsp-and-cli-are-separate-shells',
      severity: 'error',
      comment: 'The LSP server and the CLI share the engine and the submission library, never each other.',
      from: { path: '^server/src/lsp/' },
      to: { path: '^server/src/cli/' },
    },
    {
      name: 'cli-does-not-import-lsp',
      severity: 'error',
      from: { path: '^server/src/cli/' },
      to: { path: '^server/src/lsp/' },
    },
    {
      name: 'submission-is-below-the-shells',
      severity: 'error',
      comment:
        'The submission and account libraries are used by the shells (CLI, LSP server, client); they import none of ' +
        'them. The account library may use the submission library (its client builder), not the reverse.',
      from: { path: '^server/src/(submission|account)/' },
      to: { path: '^server/src/(cli|lsp)/' },
    },
    {
      name: 'submission-does-not-import-account',
      severity: 'error',
      from: { path: '^server/src/submission/' },
      to: { path: '^server/src/account/' },
    },
    {
      name: 'client-uses-entry-points-only',
      severity: 'error',
      comment:
        'The client reaches the engine and the submission library through their index.ts only, and never the LSP ' +
        'server (it runs it as a process).',
      from: { path: '^client/' },
      to: {
        path: '^server/src/',
        pathNot: '^server/src/(engine|submission)/index\\.ts$',
      },
    },
    {
      name: 'only-submission-loads-the-sdk',
      severity: 'error',
      comment:
        'Only server/src/submission and server/src/account (and tests and scripts) import the AWS SDK and Smithy.',
      from: { path: '^(server/src|client)/', pathNot: '^server/src/(submission|account)/' },
      to: { path: '@aws-sdk|@smithy' },
    },
    {
      name: 'submission-loads-the-sdk-lazily',
      severity: 'error',
      comment:
        'The submission and account libraries import the AWS SDK and Smithy as types only, or with await import(): ' +
        'importing them loads no SDK, so the CLI, the server and the extension pay for it only when a request is made.',
      from: { path: '^server/src/(submission|account)/' },
      to: { path: '@aws-sdk|@smithy', dependencyTypesNot: ['type-only', 'dynamic-import'] },
    },
    {
      name: 'only-client-imports-vscode',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^vscode$', dependencyTypes: ['npm', 'npm-dev', 'core', 'unknown', 'undetermined'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: { path: '^(server|client)/' },
      to: { couldNotResolve: true, pathNot: '^vscode$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|out|node_modules|\\.cache)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: true,
  },
};
