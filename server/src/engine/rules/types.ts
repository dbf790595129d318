// What a rule is: the registry (index.ts) and the rule modules both import this, never each other.
// A rule module owns its codes: it adds each code and the type of its finding's data to CodeData (findings.ts), has
// the checks that write those findings, and exports a Fixes table with the quick fixes that read them back.
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { Node, ParsedWorkflow } from '../document';
import type { Code, CodeData, Finding, FindingData } from '../findings';
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

/** One quick fix: a title for the light-bulb menu and the edits it applies. */
export interface Fix {
  readonly title: string;
  readonly edits: TextEdit[];
}

/** What a fix of code C gets: the diagnostic, the node its range covers, and the data its check wrote. */
export interface FixContext<C extends Code> {
  readonly doc: ParsedWorkflow;
  readonly diagnostic: Diagnostic;
  /** the node the diagnostic's range covers exactly (undefined when the range is not one node, e.g. a comma) */
  readonly node: Node | undefined;
  /**
   * The data the check of this code wrote, as it came back from the client: typed by the check's CodeData entry, so
   * reading a field the check never writes does not compile; every field may be missing (an old or foreign diagnostic).
   */
  readonly data: Readonly<Partial<CodeData[C] & FindingData>>;
  readonly now: Date;
}

export type FixFn<C extends Code> = (c: FixContext<C>) => Fix[];

/** A module's quick fixes: an entry for each code it owns, null for a code that has none. */
export type Fixes<C extends Code> = { readonly [K in C]: FixFn<K> | null };

/** The data of the codes whose fixes say what replaces the value, that it goes, or which values fit (genericFixes). */
export interface GenericFixData {
  /** the value that replaces the flagged one */
  readonly replacement?: string | number | boolean;
  /** the flagged member is removed */
  readonly remove?: boolean;
  /** the values that fit, closest first in the menu */
  readonly allowed?: readonly string[];
}
