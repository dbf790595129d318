// A team's rule configuration (`cpworkflow.config.json`, `--rule CODE=LEVEL`, `--time-checks`), read and applied
// the same way by the CLI and the language server: pure, no file system (the shells find and read the file).
//   { "rules": { "SCH-6": "off", "PAT-14": "information" }, "timeChecks": false }
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { quoted } from './findings';
import { CLOCK_CODES, codes } from './rules';

export const CONFIG_FILE_NAME = 'cpworkflow.config.json';
export const RULE_LEVELS = ['off', 'information', 'warning', 'error'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

export interface RuleConfig {
  /** a level per code; a code not named keeps the severity its rule gives it */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  /** judge the clock-dependent codes at their create-time severity (the CLI's default is information) */
  readonly timeChecks?: boolean;
}

/** A configuration that cannot be used: what is wrong, and the key it is at ("rules.SCH-66", "timeChecks"). */
export class RuleConfigError extends Error {
  constructor(
    message: string,
    readonly key: string | undefined,
  ) {
    super(message);
  }
}

const KNOWN = new Set<string>(codes);
const LSP: Record<Exclude<RuleLevel, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};
// a config file is a few lines; past this it is not one
const MAX_CONFIG_BYTES = 1_000_000;

function level(code: string, value: unknown, key: string): RuleLevel {
  if (!KNOWN.has(code))
    throw new RuleConfigError(`${quoted(code)} is not a code of cpworkflow (docs/rules.md lists them)`, key);
  if (typeof value !== 'string' || !(RULE_LEVELS as readonly string[]).includes(value))
    throw new RuleConfigError(
      `the level of ${code} must be ${RULE_LEVELS.map((l) => `"${l}"`).join(', ')}; not ${quoted(JSON.stringify(value) ?? String(value))}`,
      key,
    );
  return value as RuleLevel;
}

/** Reads the text of a cpworkflow.config.json; throws RuleConfigError naming the key at fault. */
export function parseRuleConfig(text: string): RuleConfig {
  if (text.length > MAX_CONFIG_BYTES)
    throw new RuleConfigError(
      `it is ${text.length.toLocaleString('en-US')} characters: not a configuration`,
      undefined,
    );
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new RuleConfigError(`it is not JSON (${(e as Error).message})`, undefined);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw new RuleConfigError(
      'it must be one JSON object: { "rules": { "CODE": "off" }, "timeChecks": false }',
      undefined,
    );
  const o = json as Record<string, unknown>;
  for (const k of Object.keys(o))
    if (k !== 'rules' && k !== 'timeChecks' && k !== '$schema')
      throw new RuleConfigError(`${quoted(k)} is not a setting: use "rules" and "timeChecks"`, k);
  const rules: Record<string, RuleLevel> = {};
  if (o.rules !== undefined) {
    if (!o.rules || typeof o.rules !== 'object' || Array.isArray(o.rules))
      throw new RuleConfigError('"rules" must be an object of code to level', 'rules');
    for (const [code, value] of Object.entries(o.rules)) rules[code] = level(code, value, `rules.${code}`);
  }
  if (o.timeChecks !== undefined && typeof o.timeChecks !== 'boolean')
    throw new RuleConfigError('"timeChecks" must be true or false', 'timeChecks');
  return { rules, ...(o.timeChecks !== undefined ? { timeChecks: o.timeChecks as boolean } : {}) };
}

/** `--rule CODE=LEVEL`, repeated: the rules it sets (throws RuleConfigError naming the argument). */
export function parseRuleOptions(options: readonly string[]): Record<string, RuleLevel> {
  const rules: Record<string, RuleLevel> = {};
  for (const option of options) {
    const m = /^([^=]+)=(.*)$/.exec(option);
    if (!m) throw new RuleConfigError(`--rule takes CODE=LEVEL (e.g. SCH-6=off), not ${quoted(option)}`, option);
    rules[m[1].trim()] = level(m[1].trim(), m[2].trim(), `--rule ${option}`);
  }
  return rules;
}

/** The second configuration over the first: its rules win, code by code; its timeChecks, if it says. */
export function mergeRuleConfigs(base: RuleConfig | undefined, over: Partial<RuleConfig>): RuleConfig {
  return {
    rules: { ...(base?.rules ?? {}), ...(over.rules ?? {}) },
    ...(over.timeChecks !== undefined
      ? { timeChecks: over.timeChecks }
      : base?.timeChecks !== undefined
        ? { timeChecks: base.timeChecks }
        : {}),
  };
}

const NAME: Record<number, string> = { 1: 'an error', 2: 'a warning', 3: 'information', 4: 'a hint' };

/**
 * The diagnostics as the rule levels have them: a code turned off is gone, a code given a level has it; unless
 * `judgeTime`, a clock-dependent code is information (its message says what create would do). The editor judges
 * time (with the real clock, as create); the CLI only with --time-checks or "timeChecks": true.
 */
export function applyRuleConfig(
  diagnostics: readonly Diagnostic[],
  rules: RuleConfig['rules'] | undefined,
  judgeTime: boolean,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const code = String(d.code);
    const configured = rules?.[code];
    if (configured === 'off') continue;
    if (configured) {
      out.push({ ...d, severity: LSP[configured] });
      continue;
    }
    if (!judgeTime && CLOCK_CODES.has(code as never) && (d.severity ?? 1) < DiagnosticSeverity.Information) {
      out.push({
        ...d,
        severity: DiagnosticSeverity.Information,
        message: `${d.message} (Depends on when it is checked: \`cpworkflow create\` and the editor report it as ${NAME[d.severity ?? 1]}; validate --time-checks judges it now.)`,
      });
      continue;
    }
    out.push(d);
  }
  return out;
}
