/**
 * Submission library: the only code that uses the AWS SDK, which it loads lazily (`await import`), so importing
 * this module costs nothing until a function below is called. Used by the CLI and the VS Code extension alike.
 *
 *   const p = prepareSubmission(text, uri);   // { errors, warnings, input, inputError, domainName, objectTypeName,
 * flowName }
 *   const settings = await resolveAwsSettings({ profile, region, endpointUrl });   // signer, profileExists: confirm
 *   awsSettingsInOrder({ profile, region }, process.env);            // the same order, shared files unread (no SDK)
 *   assertProfileExists(settings);                                   // before asking, not after
 *   const client = await createCustomerProfilesClient({ proxy, timeoutMs }, settings);   // no second config read
 *   const appflow = await createAppflowClient({ proxy, timeoutMs }, settings);   // the same, for AppFlow (reads)
 *   const guard = createSubmissionGuard();                           // one per process, shared by all commands
 *   const created = await guard.run(fileUri, () => createWorkflow(client, input, { abortSignal }));
 *                                                                    // → { WorkflowId, Message, requestId }
 *   const final = await trackWorkflow(client, input.DomainName!, created.WorkflowId,
 *                                     { onProgress: (p) => report(formatProgress(p)), abortSignal });
 *                                                                    // final.status, .errorDescription, .failedSteps
 *   catch (err) { const x = explainAwsError(err, { operation: "CreateIntegrationWorkflow", profile, region,
 *                                                   domainName, objectTypeName, documentText: text });
 *                 show(x.text); log(x.requestId); if (x.field) reveal(x.field.offset, x.field.length); }
 *   await listProfiles();                                            // names from ~/.aws/config and credentials
 *   await listWorkflows(client, domain, { status });                 // every page, newest first
 *   await getWorkflowSteps(client, domain, id); await deleteWorkflow(client, domain, id);   // one DELETE
 *
 * Rules kept here: one HTTP request per createWorkflow call except throttling retries (the operation is not
 * idempotent); explainAwsError never returns a credential value; nothing here prompts or prints.
 */
export { toCreateWorkflowInput, WorkflowInputError, type JsonPath } from './input';
export {
  createCustomerProfilesClient,
  createAppflowClient,
  resolveAwsSettings,
  assertProfileExists,
  listProfiles,
  type AwsConnectionOptions,
  type ResolvedAwsSettings,
} from './client';
export {
  createWorkflow,
  getWorkflowProgress,
  trackWorkflow,
  listDomains,
  listWorkflows,
  getWorkflowSteps,
  deleteWorkflow,
  isWorkflowFinished,
  WORKFLOW_STATUSES,
  type WorkflowSummary,
  type WorkflowStep,
  type CreatedWorkflow,
  type WorkflowProgress,
} from './workflowRuns';
export type { WorkflowStatus } from '../generated/model';
export { createSubmissionGuard, SubmissionInFlightError, type SubmissionGuard } from './guard';
export { formatProgress, describeWorkflowEnd, changedProgressLines } from './progress';
export { explainAwsError, type ErrorContext, type ExplainedError } from './errors';
export { redactCredentials } from './redaction';
export { inParallel } from './concurrency';
export { signerFor, signerText, type Signer } from './signer';
export {
  awsSettingsInOrder,
  type AwsService,
  type AwsSettingsInOrder,
  type AwsTargetOptions,
  type SettingSource,
} from './settings';
export { prepareSubmission, type PreparedSubmission } from './submission';
export { listFlows, describeFlow, type FlowSummary } from './appflowFlows';
export {
  workflowFromFlow,
  FlowImportError,
  type DescribedFlow,
  type FlowImport,
  type FlowImportOptions,
} from './flowImport';
