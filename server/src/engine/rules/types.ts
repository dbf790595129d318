// What a rule is: the registry (index.ts) and the rule modules both import this, never each other.
import { ParsedWorkflow } from '../document';
import { Finding } from '../findings';
import type { AccountSnapshot } from '../accountSnapshot';

export interface RuleContext {
  readonly doc: ParsedWorkflow;
  /** the clock rules compare against (tests set it) */
  readonly now: Date;
  /** what the user's account says, when the account is on (possibly partial); account rules need it */
  readonly account?: AccountSnapshot;
}

export interface Rule {
  /** a readable name, for logs and tests */
  readonly name: string;
  /** the ids of docs/rules.md this rule enforces */
  readonly ids: readonly string[];
  readonly check: (ctx: RuleContext) => Finding[];
}
