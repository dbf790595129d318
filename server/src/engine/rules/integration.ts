// The integration as a whole (docs/rules.md PAT-13, PAT-15): an APPFLOW_INTEGRATION workflow needs its AppFlow
// settings, and writes into a profile object type that must exist in the domain.
import { at, keyOf, prop, stringValue } from '../document';
import { workflowOf } from '../workflowModel';
import { quoted } from '../findings';
import { DOCS } from './docs';
import type { Fixes, Rule } from './types';
import { insertProperty } from '../jsonEdit';
import { objectOfAnchor, placeholder } from './fixKit';
import { pathOf } from '../document';

declare module '../findings' {
  interface CodeData {
    'PAT-13': { readonly property: 'AppflowIntegration' };
    'PAT-15': { readonly template: string; readonly objectTypeName: string };
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

export const integrationFixes: Fixes<'PAT-13' | 'PAT-15'> = {
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
