// Semantic rules: what the JSON schema cannot say (workflow-rules.md §1–§7). One module per concern; each rule is a
// named unit with the ids it enforces and a check that returns findings (each finding carries its own severity, the
// one workflow-rules.md recommends). The registry below is the only list of them; docs/rules.md describes them.
import { ParsedWorkflow } from '../document';
import { Finding } from '../findings';
import { batchRules } from './batches';
import { connectorRules } from './connectors';
import { integrationRules } from './integration';
import { projectionRules } from './projection';
import { scheduleRules } from './schedule';
import { taskRules } from './tasks';
import { timestampRules } from './timestamps';
import { triggerRules } from './trigger';

export interface RuleContext {
  readonly doc: ParsedWorkflow;
  /** the clock rules compare against (tests set it) */
  readonly now: Date;
}

export interface Rule {
  /** a readable name, for logs and tests */
  readonly name: string;
  /** the ids of workflow-rules.md this rule enforces */
  readonly ids: readonly string[];
  readonly check: (ctx: RuleContext) => Finding[];
}

export const rules: readonly Rule[] = [
  ...integrationRules, ...connectorRules, ...taskRules, ...projectionRules, ...triggerRules, ...scheduleRules, ...timestampRules, ...batchRules,
];
