// The engine's entry for the VS Code client: the templates of "New Integration Workflow File".
// Everything else the client gets over LSP from the server; the CLI, the LSP server and the AWS library sit
// beside the engine and import its modules directly.
export { defaultText, sourceObjectOf, sourceObjectProblem, workflowTemplate } from './snippets';
export { connectors, workflowConnectorTypes } from '../generated/model';
export { dataOf } from './rules';
export { visibleText } from './controls';
