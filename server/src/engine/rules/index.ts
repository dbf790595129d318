// Semantic rules: what the JSON schema cannot say (docs/rules.md). One module per concern; each rule is a
// named unit with the ids it enforces and a check that returns findings (each finding carries its own severity, the
// one docs/rules.md recommends). The registry below is the only list of them; docs/rules.md describes them.
import type { Rule } from './types';
import { accountRules } from './account';
import { batchRules } from './batches';
import { connectorRules } from './connectors';
import { integrationRules } from './integration';
import { placeholderRules } from './placeholders';
import { projectionRules } from './projection';
import { s3LocationRules } from './s3Location';
import { scheduleRules } from './schedule';
import { taskRules } from './tasks';
import { timestampRules } from './timestamps';
import { triggerRules } from './trigger';

export const rules: readonly Rule[] = [
  ...integrationRules,
  ...connectorRules,
  ...s3LocationRules,
  ...taskRules,
  ...projectionRules,
  ...triggerRules,
  ...scheduleRules,
  ...timestampRules,
  ...batchRules,
  ...placeholderRules,
  ...accountRules,
];

export type { Rule, RuleContext } from './types';
