// The integration as a whole (docs/rules.md PAT-13, PAT-15): an APPFLOW_INTEGRATION workflow needs its AppFlow
// settings, and writes into a profile object type that must exist in the domain.
import { at, keyOf, prop, stringValue } from '../document';
import { workflowOf } from '../workflowModel';
import { quoted } from '../findings';
import { DOCS } from './docs';
import type { Fixes, Rule, RuleContext } from './types';
import type { Finding } from '../findings';
import { insertProperty } from '../jsonEdit';
import { genericFixes, objectOfAnchor, placeholder } from './fixKit';
import { accountReferences, objectTypeOf, type TemplateSummary } from '../accountSnapshot';
import { pathOf } from '../document';

declare module '../findings' {
  interface CodeData {
    'PAT-13': { readonly property: 'AppflowIntegration' };
    /** `template`: the template for the flow's object, when there is one (`replacement` when the fix is it) */
    'PAT-15': { readonly template?: string; readonly objectTypeName: string; readonly replacement?: string };
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
      const written = stringValue(at(w.sourceConnectorPropertiesNode, 'Salesforce', 'Object'));
      const objectTypeNode = prop(ctx.doc.root, 'ObjectTypeName');
      const objectTypeName = stringValue(objectTypeNode);
      if (!written || !objectTypeName) return [];
      // an event flow reads <Object>ChangeEvent, which feeds the same object type
      const object = written.replace(/ChangeEvent$/, '');
      const templates = salesforceTemplates(ctx);
      const template = templates.find((t) => t.sourceObject === object)?.id;
      const named = templates.find((t) => t.id === objectTypeName);
      const href = DOCS.salesforceObjects;
      const data = { rules: ['PAT-15'], objectTypeName, ...(template ? { template, replacement: template } : {}) };
      // the template of another Salesforce object: its keys and fields read that object's fields
      if (named && named.sourceObject !== object)
        return [
          {
            code: 'PAT-15',
            severity: 'warning',
            at: objectTypeNode!,
            href,
            data,
            message:
              `ObjectTypeName ${quoted(objectTypeName)} is Customer Profiles' template for Salesforce ${quoted(named.sourceObject)}, but this flow reads ${quoted(object)}: ` +
              `the template's keys and fields read its fields, so these records would not be stored or matched as it expects. ` +
              (template ? `Use ${quoted(template)}.` : `Use an object type made for ${quoted(object)}.`),
          },
        ];
      // no template for this object (a custom object, __c, among them): nothing to compare with
      if (!template || objectTypeName === template) return [];
      // the domain has this object type: the account says it exists
      if (ctx.account && objectTypeOf(ctx.account, accountReferences(ctx.doc))?.from === 'domain') return [];
      return [
        {
          code: 'PAT-15',
          severity: 'information',
          at: objectTypeNode!,
          href,
          data: { rules: ['PAT-15'], objectTypeName, template },
          message: `ObjectTypeName must name an object type that exists in the domain. The built-in mapping for Salesforce ${quoted(object)} is ${quoted(template)}; keep ${quoted(objectTypeName)} only if you created that object type.`,
        },
      ];
    },
  },
];

/**
 * The Salesforce templates Customer Profiles ships: the account's list (ListProfileObjectTypeTemplates) when the
 * account is on and has it, else the ones its documentation names (Mapping Salesforce objects).
 */
const DOCUMENTED_SALESFORCE_TEMPLATES: readonly TemplateSummary[] = ['Account', 'Contact'].map((o) => ({
  id: `Salesforce-${o}`,
  sourceName: 'Salesforce',
  sourceObject: o,
}));
function salesforceTemplates(ctx: RuleContext): readonly TemplateSummary[] {
  const listed = ctx.account?.templates?.filter((t) => t.sourceName.toLowerCase() === 'salesforce');
  return listed?.length ? listed : DOCUMENTED_SALESFORCE_TEMPLATES;
}

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
  'PAT-15': genericFixes,
};
