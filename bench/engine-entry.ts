// What bench/engine-timing.mjs times, bundled by bench/run.mjs as the server bundles the engine: the service, and
// the phases of its validate() (parse, schema, each rule, diagnostics) to say where the time goes.
export { createWorkflowLanguageService } from '../server/src/engine/service';
export { parseWorkflow } from '../server/src/engine/document';
export { syntaxFindings } from '../server/src/engine/syntax';
export { schemaFindings } from '../server/src/engine/schemaCheck';
export { rules } from '../server/src/engine/rules';
export { toDiagnostic } from '../server/src/engine/findings';
export { TextDocument } from 'vscode-languageserver-textdocument';
