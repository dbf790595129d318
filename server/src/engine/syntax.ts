// JSON syntax errors, in words that say what the AWS CLI expects.
import { ParseError, ParseErrorCode } from 'jsonc-parser';
import { ParsedWorkflow, rangeOf, significantBefore } from './document';
import { Finding } from './findings';
import { MAX_NESTING, NESTING_TOO_DEEP } from './jsonParser';

const MESSAGES: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]:
    'Unexpected character: JSON allows only objects, arrays, double-quoted strings, numbers, true, false and null here.',
  [ParseErrorCode.InvalidNumberFormat]:
    'Invalid number: write it as plain JSON digits (no leading zeros, no hex, no NaN).',
  [ParseErrorCode.PropertyNameExpected]: 'Expected a property name in double quotes.',
  [ParseErrorCode.ValueExpected]: 'Expected a value.',
  [ParseErrorCode.ColonExpected]: "Expected ':' after the property name.",
  [ParseErrorCode.CommaExpected]: "Expected ',' between elements.",
  [ParseErrorCode.CloseBraceExpected]: "Expected '}' to close the object.",
  [ParseErrorCode.CloseBracketExpected]: "Expected ']' to close the array.",
  [ParseErrorCode.EndOfFileExpected]: 'Expected the end of the file: a workflow file holds exactly one JSON object.',
  [ParseErrorCode.UnexpectedEndOfString]: 'Unterminated string: add the closing double quote.',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'Unexpected end of number.',
  [ParseErrorCode.InvalidUnicode]: 'Invalid \\u escape: use four hex digits.',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape character in a string.',
  [ParseErrorCode.InvalidCharacter]: 'Invalid character in a string: control characters must be escaped.',
  [ParseErrorCode.UnexpectedEndOfComment]: 'Unterminated comment (comments are not allowed in JSON).',
  [NESTING_TOO_DEEP]: `Objects and arrays nested more than ${MAX_NESTING} levels deep: nothing inside this one is checked. A workflow file is about 8 levels deep; remove the extra nesting.`,
};

// The AWS CLI reads file:// as UTF-8 text: a byte-order mark fails its JSON parser ("Unexpected UTF-8 BOM"), and
// bytes that are not UTF-8 fail the read ("text contents could not be decoded"); both AWS CLI v1 and v2, observed.
const CLI_FILE_PARAMETERS = 'https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-parameters-file.html';
const BOM = '\uFEFF';
// what an editor (and `cpworkflow validate`) shows for bytes that are not UTF-8
const REPLACEMENT_CHARACTER = '\uFFFD';

/** The offset of the comma when `e` is a trailing comma's error (the parser then stops at the closer after it). */
function trailingCommaBefore(text: string, e: ParseError): number | undefined {
  const closer = text[e.offset];
  if (e.error !== ParseErrorCode.PropertyNameExpected && e.error !== ParseErrorCode.ValueExpected) return undefined;
  if (closer !== '}' && closer !== ']') return undefined;
  const comma = significantBefore(text, e.offset);
  return text[comma] === ',' ? comma : undefined;
}

/**
 * The offset of the first syntax error that the tree does not survive intact, or undefined when there is none: a
 * comment or a trailing comma leaves every key and value where the user wrote it, anything else (an unclosed
 * string, a missing brace) leaves a tree that error recovery has cut short or re-nested.
 */
export function firstStructuralError(doc: ParsedWorkflow): number | undefined {
  for (const e of doc.syntaxErrors) {
    if (e.error === ParseErrorCode.InvalidCommentToken || trailingCommaBefore(doc.text, e) !== undefined) continue;
    if (e.offset === 0 && doc.text.startsWith(BOM)) continue; // json-bom: the tree after it is intact
    return e.offset;
  }
  return undefined;
}

/** A BOM the editor hides (the saved file has one, the text does not): said at the top, fixed by saving again. */
export function storedBomFindings(doc: ParsedWorkflow): Finding[] {
  if (doc.text.startsWith(BOM)) return []; // the text shows it: encodingFindings reports it, with its fix
  return [
    {
      code: 'json-bom',
      severity: 'error',
      at: rangeOf(doc, 0, 0),
      href: CLI_FILE_PARAMETERS,
      data: { rules: ['ENC-1'], stored: true },
      message:
        'The file is saved with a UTF-8 byte-order mark (the editor hides it): the AWS CLI rejects it ("Unexpected UTF-8 BOM"). Save it as UTF-8 without a BOM (VS Code: "Change File Encoding" → "Save with Encoding" → UTF-8).',
    },
  ];
}

function encodingFindings(doc: ParsedWorkflow): Finding[] {
  const out: Finding[] = [];
  if (doc.text.startsWith(BOM))
    out.push({
      code: 'json-bom',
      severity: 'error',
      at: rangeOf(doc, 0, 1),
      href: CLI_FILE_PARAMETERS,
      data: { rules: ['ENC-1'], remove: true },
      message:
        'The file starts with a UTF-8 byte-order mark: the AWS CLI rejects it ("Unexpected UTF-8 BOM"). Save the file as UTF-8 without a BOM.',
    });
  const bad = doc.text.indexOf(REPLACEMENT_CHARACTER);
  if (bad >= 0)
    out.push({
      code: 'json-encoding',
      severity: 'error',
      at: rangeOf(doc, bad, 1),
      href: CLI_FILE_PARAMETERS,
      data: { rules: ['ENC-1'] },
      message:
        'The file is not valid UTF-8 here (shown as U+FFFD): the AWS CLI refuses it ("text contents could not be decoded"). Re-save the file as UTF-8, or write \\uFFFD if you mean that character.',
    });
  return out;
}

export function syntaxFindings(doc: ParsedWorkflow): Finding[] {
  const out: Finding[] = encodingFindings(doc);
  const { text } = doc;
  if (!doc.root && doc.syntaxErrors.length === 0) {
    out.push({
      code: 'json-syntax',
      severity: 'error',
      at: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message:
        'The file is empty: a workflow file is one JSON object with DomainName, WorkflowType, IntegrationConfig, ObjectTypeName and RoleArn.',
    });
    return out;
  }
  let last = -1;
  for (const e of doc.syntaxErrors as ParseError[]) {
    if (e.offset === last) continue; // the parser's recovery repeats errors at one spot; one is enough
    last = e.offset;
    if (e.offset === 0 && text.startsWith(BOM)) continue; // reported as json-bom
    if (e.error === ParseErrorCode.InvalidCommentToken) {
      out.push({
        code: 'json-comment',
        severity: 'error',
        at: rangeOf(doc, e.offset, e.length),
        message:
          'Comments are not allowed: the AWS CLI reads strict JSON and rejects the file. Remove the comment (keep notes in "Description" or a separate file).',
      });
      continue;
    }
    const comma = trailingCommaBefore(text, e);
    if (comma !== undefined) {
      out.push({
        code: 'json-trailing-comma',
        severity: 'error',
        at: rangeOf(doc, comma, 1),
        data: { offset: comma },
        message: 'Trailing comma: the AWS CLI reads strict JSON and rejects it. Remove the comma.',
      });
      continue;
    }
    const message = MESSAGES[e.error] ?? 'Invalid JSON.';
    // a zero-length error at the end of a line is hard to see: show it on the token it stopped at
    out.push({
      code: 'json-syntax',
      severity: 'error',
      at: rangeOf(doc, e.offset, Math.max(e.length, e.offset < text.length ? 1 : 0)),
      message,
    });
  }
  return out;
}
