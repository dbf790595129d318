// The integration as a whole (docs/rules.md PAT-13, PAT-15): an APPFLOW_INTEGRATION workflow needs its AppFlow
// settings, and writes into a profile object type that must exist in the domain.
import { at, keyOf, prop, stringValue } from '../document';
import { workflowOf } from '../workflowModel';
import { quoted } from '../findings';
import { DOCS } from './docs';
import type { Fixes, Rule } from './types';
import type { Finding } from '../findings';
import { insertProperty } from '../jsonEdit';
import { objectOfAnchor, placeholder } from './fixKit';
import { pathOf } from '../document';

declare module '../findings' {
  interface CodeData {
    'PAT-13': { readonly property: 'AppflowIntegration' };
    'PAT-15': { readonly template: string; readonly objectTypeName: string };
    /** a RoleArn that names an IAM user, group or assumed-role session, not a role */
    'ROLE-1': { readonly kind: string };
    /** a KmsArn that is an alias ARN: AppFlow needs the key's own ARN */
    'KMS-1': object;
  }
}

export const integrationRules: readonly Rule[] = [
  {
    name: 'appflow-integration',
    ids: ['PAT-13'],
    check(ctx) {
      const config = prop(ctx.doc.root, 'IntegrationConfig');
      if (config?.type !== 'object' || prop(config, 'AppflowIntegration')) return [];
      return [
        {
          code: 'PAT-13',
          severity: 'error',
          at: keyOf(config) ?? config,
          href: DOCS.appflowIntegration,
          data: { rules: ['PAT-13'], property: 'AppflowIntegration' },
          message:
            'IntegrationConfig has no AppflowIntegration: an APPFLOW_INTEGRATION workflow takes its flow from IntegrationConfig.AppflowIntegration.FlowDefinition. Add "AppflowIntegration": { "FlowDefinition": { … } }.',
        },
      ];
    },
  },
  {
    name: 'salesforce-object-type',
    ids: ['PAT-15'],
    check(ctx) {
      const w = workflowOf(ctx.doc);
      if (w.connector?.type !== 'Salesforce') return [];
      const object = stringValue(at(w.sourceConnectorPropertiesNode, 'Salesforce', 'Object'));
      const objectTypeNode = prop(ctx.doc.root, 'ObjectTypeName');
      const objectTypeName = stringValue(objectTypeNode);
      // Customer Profiles ships templates named Salesforce-<Object> (Salesforce-Account, Salesforce-Contact).
      // (an event flow reads <Object>ChangeEvent, which feeds the same object type)
      const template = object ? `Salesforce-${object.replace(/ChangeEvent$/, '')}` : undefined;
      if (!template || !objectTypeName || objectTypeName === template) return [];
      return [
        {
          code: 'PAT-15',
          severity: 'information',
          at: objectTypeNode!,
          href: DOCS.salesforceObjects,
          data: { rules: ['PAT-15'], template, objectTypeName },
          message: `ObjectTypeName must name an object type that exists in the domain. The built-in mapping for Salesforce ${quoted(template.slice('Salesforce-'.length))} is ${quoted(template)}; keep ${quoted(objectTypeName)} only if you created that object type.`,
        },
      ];
    },
  },
];

/** What an IAM ARN's resource names: "role", "user", "group", "assumed-role" … (arn:aws:iam::123:user/x → "user"). */
const iamKindOf = (arn: string) => /^arn:aws[\w-]*:(?:iam|sts)::\d+:([\w-]+)\//.exec(arn)?.[1];

export const integrationArnRules: readonly Rule[] = [
  {
    name: 'role-and-key-arns',
    ids: ['ROLE-1', 'KMS-1'],
    check(ctx) {
      const out: Finding[] = [];
      const roleNode = prop(ctx.doc.root, 'RoleArn');
      const role = stringValue(roleNode);
      const kind = role && iamKindOf(role);
      if (kind && kind !== 'role') {
        out.push({
          code: 'ROLE-1',
          severity: 'warning',
          at: roleNode!,
          href: DOCS.operation,
          data: { rules: ['ROLE-1'], kind },
          message: `RoleArn names an IAM ${kind}, not a role: Customer Profiles assumes this role to create the AppFlow flow, and a ${kind} cannot be assumed, so the workflow fails when it starts. Use the ARN of a role (arn:aws:iam::<account>:role/<name>).`,
        });
      }
      const kmsNode = at(prop(ctx.doc.root, 'IntegrationConfig'), 'AppflowIntegration', 'FlowDefinition', 'KmsArn');
      const kms = stringValue(kmsNode);
      if (kms && /^arn:aws[\w-]*:kms:[^:]*:\d*:alias\//.test(kms)) {
        out.push({
          code: 'KMS-1',
          severity: 'information',
          at: kmsNode!,
          href: DOCS.operation,
          data: { rules: ['KMS-1'] },
          message: `KmsArn ${quoted(kms)} is an alias ARN: AppFlow grants itself the key it is given, which takes the key's own ARN (arn:aws:kms:<region>:<account>:key/<key id>); an alias may be refused when the flow is created.`,
        });
      }
      return out;
    },
  },
];

export const integrationFixes: Fixes<'PAT-13' | 'PAT-15' | 'ROLE-1' | 'KMS-1'> = {
  'ROLE-1': null,
  'KMS-1': null,
  'PAT-13': (c) => {
    const config = objectOfAnchor(c.node);
    return config
      ? [
          {
            title: 'Add AppflowIntegration',
            edits: [
              insertProperty(
                c.doc,
                config,
                'AppflowIntegration',
                placeholder(c, [...pathOf(config), 'AppflowIntegration'], 'AppflowIntegration'),
              ),
            ],
          },
        ]
      : [];
  },
  'PAT-15': null,
};
