// The steps before a CreateIntegrationWorkflow request that the CLI and the extension share: check the text with
// the engine, split errors from warnings, build the request as the AWS CLI would, and read what it would create.
import type { CreateIntegrationWorkflowCommandInput } from '@aws-sdk/client-customer-profiles';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { createWorkflowLanguageService } from '../engine/service';
import { toCreateWorkflowInput } from './input';

export interface PreparedSubmission {
  /** The engine's errors (the request is never sent with any) and warnings, on exactly this text. */
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** The request; undefined when there are errors or the file cannot be turned into one (see inputError). */
  input: CreateIntegrationWorkflowCommandInput | undefined;
  /** A WorkflowInputError (for explainAwsError) when the checked file still cannot become a request. */
  inputError: unknown;
  domainName: string | undefined;
  objectTypeName: string | undefined;
  flowName: string | undefined;
}

/** Checks `text` (the file at `uri`) and, when it has no errors, builds the request and reads its names. */
export function prepareSubmission(text: string, uri: string): PreparedSubmission {
  const diagnostics = createWorkflowLanguageService().validate(TextDocument.create(uri, 'cpworkflow', 1, text));
  const errors = diagnostics.filter((d) => (d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error);
  const warnings = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning);
  const prepared: PreparedSubmission = {
    errors,
    warnings,
    input: undefined,
    inputError: undefined,
    domainName: undefined,
    objectTypeName: undefined,
    flowName: undefined,
  };
  if (errors.length) return prepared;
  try {
    const input = toCreateWorkflowInput(JSON.parse(text));
    Object.assign(prepared, {
      input,
      domainName: nameOrUndefined(input.DomainName),
      objectTypeName: nameOrUndefined(input.ObjectTypeName),
      flowName: nameOrUndefined(input.IntegrationConfig?.AppflowIntegration?.FlowDefinition?.FlowName),
    });
  } catch (err) {
    prepared.inputError = err;
  }
  return prepared;
}

const nameOrUndefined = (v: unknown) => (typeof v === 'string' ? v : undefined);
