// Semantic rules: what the JSON schema cannot say (docs/rules.md). One module per concern; each module owns its codes
// (their data types in CodeData, findings.ts), its checks and its quick fixes. The registry below is the only list of
// them; docs/rules.md describes them (its Codes table is tested against `codes` below).
import type { Code } from '../findings';
import type { Fix, FixContext, FixFn, Fixes, Rule } from './types';
import type { FixSite } from './fixKit';
import { accountFixes, accountRules } from './account';
import { batchClockCodes, batchFixes, batchRules } from './batches';
import { connectorFixes, connectorRules } from './connectors';
import { integrationArnRules, integrationFixes, integrationRules } from './integration';
import { jsonFixes } from './json';
import { modelFixes } from './model';
import { placeholderFixes, placeholderRules } from './placeholders';
import { projectionFixes, projectionRules } from './projection';
import { s3LocationFixes, s3LocationRules } from './s3Location';
import { scheduleClockCodes, scheduleFixes, scheduleRules } from './schedule';
import { taskFixes, taskRules } from './tasks';
import { timestampFixes, timestampRules } from './timestamps';
import { triggerFixes, triggerRules } from './trigger';

export const rules: readonly Rule[] = [
  ...integrationRules,
  ...integrationArnRules,
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

/** Every code's fixes: the compiler refuses this table while a code of CodeData has no entry here. */
const FIXES: Fixes<Code> = {
  ...jsonFixes,
  ...modelFixes,
  ...integrationFixes,
  ...connectorFixes,
  ...s3LocationFixes,
  ...taskFixes,
  ...projectionFixes,
  ...triggerFixes,
  ...scheduleFixes,
  ...timestampFixes,
  ...batchFixes,
  ...placeholderFixes,
  ...accountFixes,
  'too-many-findings': null,
};

/**
 * The codes whose verdict depends only on the clock (a start already past, a batch ending in the future): the same
 * file gets them or not depending on when it is checked. `cpworkflow validate` reports them as information unless
 * asked to judge time (--time-checks); create and the editor judge them with the real clock.
 */
export const CLOCK_CODES: ReadonlySet<Code> = new Set<Code>([...scheduleClockCodes, ...batchClockCodes]);

/** Every finding code the engine reports, in registry order. */
export const codes: readonly Code[] = Object.keys(FIXES) as Code[];

const isCode = (code: string): code is Code => Object.prototype.hasOwnProperty.call(FIXES, code);

/**
 * The fixes of a diagnostic's code, for the dispatcher (codeActions.ts); undefined for a code that is not ours or has
 * none. The data came back from the client: its type is the one the code's check writes (CodeData), each field
 * possibly missing, which is what FixContext says.
 */
export function fixesFor(code: string): ((site: FixSite, data: unknown) => Fix[]) | undefined {
  if (!isCode(code)) return undefined;
  // FIXES[code] is the fix function of this very code; the union of every code's function is not callable as one
  const fn = FIXES[code] as FixFn<Code> | null;
  if (!fn) return undefined;
  return (site, data) =>
    fn({ ...site, data: (data && typeof data === 'object' ? data : {}) as FixContext<Code>['data'] });
}

/**
 * The data of a diagnostic of code C as its check wrote it, each field possibly missing (it came back over the wire);
 * undefined for a diagnostic of another code. For shells that act on a finding (create moves a past start forward).
 */
export function dataOf<C extends Code>(
  d: { readonly code?: string | number; readonly data?: unknown },
  code: C,
): FixContext<C>['data'] | undefined {
  return d.code === code && d.data && typeof d.data === 'object' ? (d.data as FixContext<C>['data']) : undefined;
}

export type { Fix, FixContext, Rule, RuleContext } from './types';
