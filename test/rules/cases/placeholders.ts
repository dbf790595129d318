// Cases for TPL-1: the example values of the project's own templates left in a file (listed last, so the CLI golden
// files of the other cases keep their numbers).
import { RuleCase, source, workflowText } from '../support';

export const placeholderCases: RuleCase[] = [
  {
    rule: 'TPL-1',
    code: 'TPL-1',
    severity: 'warning',
    name: 'the example account, KMS key and connection of the template left in',
    // marked after workflowText, which moves a marker next to a quote outside the string
    bad: workflowText((w) => {
      w.RoleArn = 'arn:aws:iam::123456789012:role/CustomerProfilesWorkflowRole';
      const fdef = w.IntegrationConfig.AppflowIntegration.FlowDefinition;
      fdef.KmsArn = 'arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555';
      source(w).ConnectorProfileName = 'my-salesforce-connection';
    }).replace(/123456789012|11111111-2222-3333-4444-555555555555|my-salesforce-connection/g, (x) => `⟦${x}⟧`),
    good: workflowText(),
    data: { placeholder: 'account', value: '123456789012' },
    message: /^KmsArn: "123456789012" is the example AWS account ID from the cpworkflow template/,
  },
];
