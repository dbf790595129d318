// The language engine: text in; diagnostics, completions, hovers, quick fixes, symbols and formatting out.
// A plain library: the LSP server, the CLI and the tests are thin shells around it.
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  SelectionRange,
  FormattingOptions,
  Hover,
  Position,
  Range,
  TextEdit,
} from 'vscode-languageserver-types';
import { Node, ParsedWorkflow, parseWorkflow, pathOf, reparseWorkflow } from './document';
import { Finding, capFindings, toDiagnostic } from './findings';
import { firstStructuralError, storedBomFindings, syntaxFindings } from './syntax';
import { schemaFindings } from './schemaCheck';
import { rules } from './rules';
import { accountUnavailable } from './rules/account';
import type { AccountSnapshot } from './accountSnapshot';
import { completions } from './completion';
import { hover } from './hover';
import { codeActions, fixAll } from './codeActions';
import { documentSymbols } from './symbols';
import { formatEdits } from './format';
import { foldingRanges, selectionRanges } from './structure';

export interface WorkflowServiceOptions {
  /** the clock for time-dependent rules; defaults to the real one */
  readonly now?: () => Date;
}

export interface WorkflowLanguageService {
  /** the parse of this version; a parse of an earlier version of the same document is stale once this is called */
  parse(document: TextDocument): ParsedWorkflow;
  /**
   * `stored`: what the shell knows of the file on disk that the text cannot show (an editor hides a BOM);
   * `account`: with it, the account checks too (ACC-*); without, exactly the offline diagnostics
   */
  validate(document: TextDocument, stored?: StoredFile, account?: AccountSnapshot): Diagnostic[];
  /** drops what the service keeps for a closed document */
  forget(uri: string): void;
  complete(document: TextDocument, position: Position, account?: AccountSnapshot): CompletionList;
  hover(document: TextDocument, position: Position, account?: AccountSnapshot): Hover | null;
  /** quick fixes for these diagnostics (from `validate` on this version) */
  codeActions(document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[];
  /**
   * every determined fix of this version's problems in one edit (`source.fixAll`), or undefined when none; pass the
   * `account` snapshot the diagnostics use, or the account findings' fixes are left out
   */
  fixAll(document: TextDocument, account?: AccountSnapshot): CodeAction | undefined;
  symbols(document: TextDocument): DocumentSymbol[];
  /** whole-document formatting, or only `range` */
  format(document: TextDocument, options: FormattingOptions, range?: Range): TextEdit[];
  /** the objects and arrays that span lines; at most `rangeLimit` of them */
  foldingRanges(document: TextDocument, rangeLimit?: number): FoldingRange[];
  /** for each position, the ranges Expand Selection grows through */
  selectionRanges(document: TextDocument, positions: readonly Position[]): SelectionRange[];
}

/** Facts about the saved file that its text in an editor does not carry. */
export interface StoredFile {
  /** the file starts with a UTF-8 byte-order mark, which VS Code and Neovim hide from the text */
  readonly startsWithBom?: boolean;
}

// Findings about one value alone (its enum, pattern, length, range, timestamp form), which no later text can change.
const VALUE_ALONE = new Set(['enum', 'pattern', 'length', 'range', 'timestamp', 'timestamp-incomplete']);

/**
 * Of the model findings on a tree that stops parsing at `broken`: those about one value alone, on a line above the
 * error's (the line being typed on stays quiet until it parses). Missing, unknown, type and the rules wait for a tree
 * that parses.
 */
function certainWhileBroken(doc: ParsedWorkflow, findings: readonly Finding[], broken: number): Finding[] {
  const errorLine = doc.document.positionAt(broken).line;
  return findings.filter(
    (f) =>
      VALUE_ALONE.has(f.code) &&
      ('start' in f.at ? f.at.end : doc.document.positionAt(f.at.offset + f.at.length)).line < errorLine,
  );
}

export function createWorkflowLanguageService(options: WorkflowServiceOptions = {}): WorkflowLanguageService {
  const now = options.now ?? (() => new Date());
  // one parse per document version, shared by validation, completion and the rest
  const parsed = new Map<string, { version: number; doc: ParsedWorkflow }>();

  function parse(document: TextDocument): ParsedWorkflow {
    const hit = parsed.get(document.uri);
    const doc =
      hit && hit.version === document.version && hit.doc.document === document
        ? hit.doc
        : // a later version of a document parsed before: typing inside a string patches the earlier tree (document.ts)
          hit && hit.doc.document === document && document.version > hit.version
          ? reparseWorkflow(hit.doc, document)
          : parseWorkflow(document);
    // a Map keeps insertion order: delete before set makes it least-recently-used order, so eviction drops the oldest
    // use
    parsed.delete(document.uri);
    parsed.set(document.uri, hit?.doc === doc ? hit : { version: document.version, doc });
    if (parsed.size > 64) parsed.delete(parsed.keys().next().value!);
    return doc;
  }

  function validate(document: TextDocument, stored: StoredFile = {}, account?: AccountSnapshot): Diagnostic[] {
    const doc = parse(document);
    const hidden = stored.startsWithBom ? storedBomFindings(doc) : [];
    const broken = firstStructuralError(doc);
    if (broken !== undefined) {
      // A tree cut short by error recovery would report keys the text holds as missing or unknown: while the text
      // does not parse, the syntax errors and only what is certainly true (issue 13).
      const findings = [
        ...hidden,
        ...syntaxFindings(doc),
        ...certainWhileBroken(doc, schemaFindings(doc), broken),
        ...accountUnavailable(account),
      ];
      return capFindings(findings).map((f) => toDiagnostic(doc, f));
    }
    const findings: Finding[] = [
      ...hidden,
      ...syntaxFindings(doc),
      ...schemaFindings(doc),
      ...accountUnavailable(account),
    ];
    // a misspelled key ("did you mean") is a slip too: the rules would reason about the part of the file that holds
    // it as if the member were missing. Their findings in that part are left out; the rest of the file keeps its own.
    const slips = findings.filter((f) => f.code === 'unknown-property' && f.data?.suggestion);
    const affected = slips.map((f) => affectedBySlip(f.at as Node));
    if (doc.root && !affected.some((a) => a === undefined)) {
      const ctx = { doc, now: now(), account };
      const outside = (f: Finding) => {
        if (!affected.length || 'start' in f.at) return true;
        const at = f.at.offset;
        return !affected.some((a) => at >= a!.offset && at < a!.offset + a!.length);
      };
      // one by one: push(...spread) passes each finding as an argument, and a call takes ~125,000 at most
      for (const rule of rules) for (const f of rule.check(ctx)) if (outside(f)) findings.push(f);
    }
    return capFindings(findings).map((f) => toDiagnostic(doc, f));
  }

  return {
    parse,
    validate,
    forget: (uri) => void parsed.delete(uri),
    complete: (document, position, account) =>
      completions(parse(document), document.offsetAt(position), now(), account),
    hover: (document, position, account) => hover(parse(document), document.offsetAt(position), account, now()),
    codeActions: (document, diagnostics) => codeActions(parse(document), diagnostics, now()),
    fixAll: (document, account) => fixAll(parse(document), validate(document, {}, account), now()),
    symbols: (document) => documentSymbols(parse(document)),
    format: (document, options, range) => formatEdits(parse(document), options, range),
    foldingRanges,
    selectionRanges,
  };
}

// What the rules cannot judge while a member under these FlowDefinition sections is misspelled: the section itself;
// a slip in SourceFlowConfig (the connector, which keys every task's operator) or above FlowDefinition's sections
// leaves the rules nothing sound to say.
const SECTIONS_ON_THEIR_OWN = new Set(['Tasks', 'TriggerConfig', 'DestinationFlowConfigList', 'Description']);

/**
 * The property (key and value) of the part of the file a misspelled key at `keyNode` affects: its FlowDefinition
 * section (Tasks, TriggerConfig, …) or its AppflowIntegration member (Batches); undefined when it affects everything.
 */
function affectedBySlip(keyNode: Node): Node | undefined {
  const path = pathOf(keyNode);
  const inFlow = path[0] === 'IntegrationConfig' && path[1] === 'AppflowIntegration';
  let n: Node | undefined = keyNode.parent;
  if (inFlow && path[2] === 'FlowDefinition' && SECTIONS_ON_THEIR_OWN.has(String(path[3])) && path.length > 4) {
    // climb to the property of FlowDefinition's section
    while (n && !(n.type === 'property' && pathOf(n.children![0]).length === 4)) n = n.parent;
    return n;
  }
  if (inFlow && path[2] === 'Batches' && path.length > 3) {
    while (n && !(n.type === 'property' && pathOf(n.children![0]).length === 3)) n = n.parent;
    return n;
  }
  return undefined;
}
