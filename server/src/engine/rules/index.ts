// Semantic rules: what the JSON schema cannot say (workflow-rules.md §1–§7). One module per concern; each rule is a
// named unit with its ids and a check that returns findings. The registry below is the only list of them.
import { ParsedWorkflow } from '../document';
import { Finding } from '../findings';

export interface RuleContext {
  readonly doc: ParsedWorkflow;
  /** the clock rules compare against (tests set it) */
  readonly now: Date;
}

export interface Rule {
  /** the ids of workflow-rules.md this rule enforces */
  readonly ids: readonly string[];
  readonly check: (ctx: RuleContext) => Finding[];
}

export const rules: readonly Rule[] = [];
