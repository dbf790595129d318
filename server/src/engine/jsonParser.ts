// A strict JSON parser that yields exactly what jsonc-parser's parseTree(text, errors, { disallowComments: true,
// allowTrailingComma: false, allowEmptyContent: true }) yields: the same Node tree (offsets, lengths, colonOffset,
// parents) and the same ParseError list, error recovery included. It is jsonc-parser's scanner and visit() (MIT,
// Microsoft) folded into one pass that builds nodes directly: no visitor callbacks, no JSON paths, and whitespace
// skipped instead of collected into strings, which is where parseTree spends its time on a 2 MB workflow.
// test/engine/jsonParser.test.ts holds it to parseTree on valid, broken and randomly mutated inputs.
import { Node, ParseError, ParseErrorCode } from 'jsonc-parser';

const enum Token {
  OpenBrace = 1,
  CloseBrace = 2,
  OpenBracket = 3,
  CloseBracket = 4,
  Comma = 5,
  Colon = 6,
  Null = 7,
  True = 8,
  False = 9,
  String = 10,
  Number = 11,
  Comment = 12,
  Unknown = 16,
  EOF = 17,
}
const enum ScanError {
  None = 0,
  UnexpectedEndOfComment = 1,
  UnexpectedEndOfString = 2,
  UnexpectedEndOfNumber = 3,
  InvalidUnicode = 4,
  InvalidEscapeCharacter = 5,
  InvalidCharacter = 6,
}
const enum Char {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  DoubleQuote = 34,
  Asterisk = 42,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  _0 = 48,
  _9 = 57,
  Colon = 58,
  A = 65,
  E = 69,
  F = 70,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  a = 97,
  b = 98,
  e = 101,
  f = 102,
  n = 110,
  r = 114,
  t = 116,
  u = 117,
  OpenBrace = 123,
  CloseBrace = 125,
}

/**
 * How deep objects and arrays may nest. A workflow is about 8 levels deep; a container deeper than this is reported
 * (NESTING_TOO_DEEP) and stepped over without building its nodes, so that neither this parser nor any walk of the
 * tree runs out of stack on a hostile file.
 */
export const MAX_NESTING = 256;
/** The ParseError code of a container past MAX_NESTING (not one of jsonc-parser's codes). */
export const NESTING_TOO_DEEP = 0x100 as ParseErrorCode;

/** Slots of the parser's table of recent short strings (a power of two). */
const RECENT_STRINGS = 2048;

/** The bit of a token in a skip set (handleError's "skip until" lists). */
const bit = (t: Token) => 1 << t;

interface MutableNode {
  type: Node['type'];
  value?: unknown;
  offset: number;
  length: number;
  colonOffset?: number;
  parent?: MutableNode;
  children?: MutableNode[];
}

const isDigit = (ch: number) => ch >= Char._0 && ch <= Char._9;

// Characters that end a bare word (a keyword or an unknown symbol), as in jsonc-parser's scanner.
function isUnknownContentCharacter(ch: number): boolean {
  switch (ch) {
    case Char.Space:
    case Char.Tab:
    case Char.LineFeed:
    case Char.CarriageReturn:
    case Char.CloseBrace:
    case Char.CloseBracket:
    case Char.OpenBrace:
    case Char.OpenBracket:
    case Char.DoubleQuote:
    case Char.Colon:
    case Char.Comma:
    case Char.Slash:
      return false;
  }
  return true;
}

/** Parses `text` strictly; appends syntax errors to `errors`; undefined when the text holds no value. */
export function parseStrictJsonTree(text: string, errors: ParseError[]): Node | undefined {
  const len = text.length;
  // scanner state: the current token, where it starts, its value and the scan error it carries
  let pos = 0;
  let token = Token.Unknown as Token;
  let tokenOffset = 0;
  let tokenValue = '';
  let scanError: ScanError = ScanError.None;

  // The open nodes' children wait on one stack and become exact-size arrays when their node closes: arrays grown
  // by push() reserve 17 slots, which for a tree of mostly one- and two-child nodes is most of its memory.
  const pending: MutableNode[] = [];
  let top = 0; // pending[0..top) are the nodes still waiting; what lies above top is stale
  const starts: number[] = [];
  const root: MutableNode = { type: 'array', offset: -1, length: -1, children: undefined, parent: undefined };
  let current: MutableNode = root;

  function open(node: MutableNode): void {
    pending[top++] = node;
    starts.push(top);
    current = node;
  }

  function close(end: number): void {
    const start = starts.pop()!;
    current.children = pending.slice(start, top);
    top = start;
    current.length = end - current.offset;
    current = current.parent!;
  }

  // Keys and common values ("TaskType", "Map", "NO_OP") repeat thousands of times in a large file: one string
  // object each, found by a hash of the characters, instead of a copy per occurrence.
  const recent: (string | undefined)[] = new Array(RECENT_STRINGS);

  function shared(start: number, end: number, hash: number): string {
    const length = end - start;
    if (length > 32) return text.substring(start, end);
    const slot = hash & (RECENT_STRINGS - 1);
    const candidate = recent[slot];
    if (candidate !== undefined && candidate.length === length && text.startsWith(candidate, start)) return candidate;
    return (recent[slot] = text.substring(start, end));
  }

  function scanHexDigits(count: number): number {
    let digits = 0;
    let value = 0;
    while (digits < count) {
      const ch = text.charCodeAt(pos);
      if (ch >= Char._0 && ch <= Char._9) value = value * 16 + ch - Char._0;
      else if (ch >= Char.A && ch <= Char.F) value = value * 16 + ch - Char.A + 10;
      else if (ch >= Char.a && ch <= Char.f) value = value * 16 + ch - Char.a + 10;
      else break;
      pos++;
      digits++;
    }
    return digits < count ? -1 : value;
  }

  function scanString(): string {
    let result = '';
    let start = pos;
    let hash = 0;
    for (;;) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = ScanError.UnexpectedEndOfString;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === Char.DoubleQuote) {
        result =
          result === '' && start === tokenOffset + 1 ? shared(start, pos, hash) : result + text.substring(start, pos);
        pos++;
        break;
      }
      hash = (Math.imul(hash, 31) + ch) | 0;
      if (ch === Char.Backslash) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = ScanError.UnexpectedEndOfString;
          break;
        }
        switch (text.charCodeAt(pos++)) {
          case Char.DoubleQuote:
            result += '"';
            break;
          case Char.Backslash:
            result += '\\';
            break;
          case Char.Slash:
            result += '/';
            break;
          case Char.b:
            result += '\b';
            break;
          case Char.f:
            result += '\f';
            break;
          case Char.n:
            result += '\n';
            break;
          case Char.r:
            result += '\r';
            break;
          case Char.t:
            result += '\t';
            break;
          case Char.u: {
            const code = scanHexDigits(4);
            if (code >= 0) result += String.fromCharCode(code);
            else scanError = ScanError.InvalidUnicode;
            break;
          }
          default:
            scanError = ScanError.InvalidEscapeCharacter;
        }
        start = pos;
        continue;
      }
      if (ch <= 0x1f) {
        if (ch === Char.LineFeed || ch === Char.CarriageReturn) {
          result += text.substring(start, pos);
          scanError = ScanError.UnexpectedEndOfString;
          break;
        }
        scanError = ScanError.InvalidCharacter; // reported, and the string goes on
      }
      pos++;
    }
    return result;
  }

  /** Scans digits after an optional minus sign; returns the number's text (without a dangling exponent). */
  function scanNumber(): string {
    const start = pos;
    if (text.charCodeAt(pos) === Char._0) pos++;
    else {
      pos++;
      while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
    }
    if (pos < len && text.charCodeAt(pos) === Char.Dot) {
      pos++;
      if (pos < len && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
      } else {
        scanError = ScanError.UnexpectedEndOfNumber;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    const e = text.charCodeAt(pos);
    if (pos < len && (e === Char.E || e === Char.e)) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === Char.Plus || sign === Char.Minus) pos++;
      if (pos < len && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
        end = pos;
      } else {
        scanError = ScanError.UnexpectedEndOfNumber;
      }
    }
    return text.substring(start, end);
  }

  /** The next token, whitespace skipped (jsonc-parser's scanner.scan() minus the trivia tokens). */
  function scan(): Token {
    tokenValue = '';
    scanError = ScanError.None;
    let ch = text.charCodeAt(pos);
    while (ch === Char.Space || ch === Char.LineFeed || ch === Char.CarriageReturn || ch === Char.Tab)
      ch = text.charCodeAt(++pos);
    tokenOffset = pos;
    if (ch === Char.DoubleQuote) {
      // half of all tokens
      pos++;
      tokenValue = scanString();
      return (token = Token.String);
    }
    if (pos >= len) {
      tokenOffset = len;
      return (token = Token.EOF);
    }
    switch (ch) {
      case Char.OpenBrace:
        pos++;
        return (token = Token.OpenBrace);
      case Char.CloseBrace:
        pos++;
        return (token = Token.CloseBrace);
      case Char.OpenBracket:
        pos++;
        return (token = Token.OpenBracket);
      case Char.CloseBracket:
        pos++;
        return (token = Token.CloseBracket);
      case Char.Colon:
        pos++;
        return (token = Token.Colon);
      case Char.Comma:
        pos++;
        return (token = Token.Comma);
      case Char.DoubleQuote:
        pos++;
        tokenValue = scanString();
        return (token = Token.String);
      case Char.Slash: {
        const next = text.charCodeAt(pos + 1);
        if (next === Char.Slash) {
          pos += 2;
          while (pos < len) {
            const c = text.charCodeAt(pos);
            if (c === Char.LineFeed || c === Char.CarriageReturn) break;
            pos++;
          }
          return (token = Token.Comment);
        }
        if (next === Char.Asterisk) {
          pos += 2;
          let closed = false;
          while (pos < len - 1) {
            if (text.charCodeAt(pos) === Char.Asterisk && text.charCodeAt(pos + 1) === Char.Slash) {
              pos += 2;
              closed = true;
              break;
            }
            pos++;
          }
          if (!closed) {
            pos++;
            scanError = ScanError.UnexpectedEndOfComment;
          }
          return (token = Token.Comment);
        }
        pos++;
        tokenValue = '/';
        return (token = Token.Unknown);
      }
      case Char.Minus:
        pos++;
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
          tokenValue = '-';
          return (token = Token.Unknown);
        }
        tokenValue = '-' + scanNumber();
        return (token = Token.Number);
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        tokenValue = scanNumber();
        return (token = Token.Number);
      default:
        while (pos < len && isUnknownContentCharacter(ch)) ch = text.charCodeAt(++pos);
        if (tokenOffset !== pos) {
          tokenValue = text.substring(tokenOffset, pos);
          switch (tokenValue) {
            case 'true':
              return (token = Token.True);
            case 'false':
              return (token = Token.False);
            case 'null':
              return (token = Token.Null);
          }
          return (token = Token.Unknown);
        }
        tokenValue = String.fromCharCode(ch);
        pos++;
        return (token = Token.Unknown);
    }
  }

  function error(code: ParseErrorCode): void {
    errors.push({ error: code, offset: tokenOffset, length: pos - tokenOffset });
  }

  /** The next significant token; reports scan errors, comments and unknown symbols on the way (visit's scanNext). */
  function next(): Token {
    for (;;) {
      const t = scan();
      if (scanError !== ScanError.None) reportScanError();
      if (t === Token.Comment) error(ParseErrorCode.InvalidCommentToken);
      else if (t === Token.Unknown) error(ParseErrorCode.InvalidSymbol);
      else return t;
    }
  }

  function reportScanError(): void {
    switch (scanError) {
      case ScanError.InvalidUnicode:
        error(ParseErrorCode.InvalidUnicode);
        break;
      case ScanError.InvalidEscapeCharacter:
        error(ParseErrorCode.InvalidEscapeCharacter);
        break;
      case ScanError.UnexpectedEndOfNumber:
        error(ParseErrorCode.UnexpectedEndOfNumber);
        break;
      case ScanError.UnexpectedEndOfString:
        error(ParseErrorCode.UnexpectedEndOfString);
        break;
      case ScanError.InvalidCharacter:
        error(ParseErrorCode.InvalidCharacter);
        break;
      // an unterminated comment is reported as a comment, since comments are not allowed at all
    }
  }

  function handleError(code: ParseErrorCode, skipUntilAfter: number, skipUntil: number): void {
    error(code);
    if (skipUntilAfter + skipUntil === 0) return;
    let t = token;
    while (t !== Token.EOF) {
      if (skipUntilAfter & bit(t)) {
        next();
        break;
      }
      if (skipUntil & bit(t)) break;
      t = next();
    }
  }

  // ---- building the tree (parseTree's visitor, inlined)
  function completeProperty(endOffset: number): void {
    if (current.type === 'property') close(endOffset);
  }

  function literal(type: Node['type'], value: unknown): void {
    pending[top++] = { type, offset: tokenOffset, length: pos - tokenOffset, parent: current, value };
    completeProperty(pos);
  }

  function endContainer(): void {
    const end = pos; // the closing token's end, or the end of the text
    close(end);
    completeProperty(end);
  }

  // ---- the grammar, with jsonc-parser's recovery
  function parseLiteral(): boolean {
    switch (token) {
      case Token.Number: {
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(ParseErrorCode.InvalidNumberFormat, 0, 0);
          value = 0;
        }
        literal('number', value);
        break;
      }
      case Token.Null:
        literal('null', null);
        break;
      case Token.True:
        literal('boolean', true);
        break;
      case Token.False:
        literal('boolean', false);
        break;
      default:
        return false;
    }
    next();
    return true;
  }

  function parseProperty(): boolean {
    if (token !== Token.String) {
      handleError(ParseErrorCode.PropertyNameExpected, 0, bit(Token.CloseBrace) | bit(Token.Comma));
      return false;
    }
    const keyOffset = tokenOffset,
      keyLength = pos - tokenOffset,
      key = tokenValue;
    const colon = next() === Token.Colon;
    // made once the colon is known, so the node is born with all its fields (adding one later costs an allocation)
    const property: MutableNode = colon
      ? {
          type: 'property',
          offset: keyOffset,
          length: -1,
          parent: current,
          children: undefined,
          colonOffset: tokenOffset,
        }
      : { type: 'property', offset: keyOffset, length: -1, parent: current, children: undefined };
    open(property);
    // fields in the order literal() writes them, so keys and values share one object shape
    pending[top++] = { type: 'string', offset: keyOffset, length: keyLength, parent: property, value: key };
    if (colon) {
      next();
      if (!parseValue()) handleError(ParseErrorCode.ValueExpected, 0, bit(Token.CloseBrace) | bit(Token.Comma));
    } else {
      handleError(ParseErrorCode.ColonExpected, 0, bit(Token.CloseBrace) | bit(Token.Comma));
    }
    return true;
  }

  /** A container past MAX_NESTING: reported at its opening token, stepped over to its end, kept with no members. */
  function skipTooDeep(type: 'object' | 'array'): void {
    errors.push({ error: NESTING_TOO_DEEP, offset: tokenOffset, length: 1 });
    open({ type, offset: tokenOffset, length: -1, parent: current, children: undefined });
    let level = 0;
    for (let t = token; t !== Token.EOF; t = scan()) {
      if (t === Token.OpenBrace || t === Token.OpenBracket) level++;
      else if ((t === Token.CloseBrace || t === Token.CloseBracket) && --level === 0) break;
    }
    scanError = ScanError.None;
    endContainer();
    if (token !== Token.EOF) next();
  }

  let depth = 0;

  /** An object (members are properties) or an array (members are values), with jsonc-parser's recovery. */
  function parseContainer(
    type: 'object' | 'array',
    close: Token.CloseBrace | Token.CloseBracket,
    parseMember: () => boolean,
  ): void {
    if (depth >= MAX_NESTING) return skipTooDeep(type);
    depth++;
    open({ type, offset: tokenOffset, length: -1, parent: current, children: undefined });
    next();
    let needsComma = false;
    while (token !== close && token !== Token.EOF) {
      if (token === Token.Comma) {
        if (!needsComma) handleError(ParseErrorCode.ValueExpected, 0, 0);
        completeProperty(tokenOffset);
        next();
      } else if (needsComma) {
        handleError(ParseErrorCode.CommaExpected, 0, 0);
      }
      if (!parseMember()) handleError(ParseErrorCode.ValueExpected, 0, bit(close) | bit(Token.Comma));
      needsComma = true;
    }
    completeProperty(pos); // a property without a value ends where its object does
    endContainer();
    depth--;
    if (token === close) next();
    else
      handleError(
        type === 'object' ? ParseErrorCode.CloseBraceExpected : ParseErrorCode.CloseBracketExpected,
        bit(close),
        0,
      );
  }

  function parseValue(): boolean {
    switch (token) {
      case Token.OpenBracket:
        parseContainer('array', Token.CloseBracket, parseValue);
        return true;
      case Token.OpenBrace:
        parseContainer('object', Token.CloseBrace, parseProperty);
        return true;
      case Token.String:
        literal('string', tokenValue);
        next();
        return true;
      default:
        return parseLiteral();
    }
  }

  if (next() !== Token.EOF) {
    if (!parseValue()) handleError(ParseErrorCode.ValueExpected, 0, 0);
    else if (token !== Token.EOF) handleError(ParseErrorCode.EndOfFileExpected, 0, 0);
  }
  const result = top > 0 ? pending[0] : undefined;
  if (result) delete result.parent;
  return result as Node | undefined;
}

const BLOCK = 1024;

/** How many leading UTF-16 units `a` and `b` share (blocks compared as strings first, then unit by unit). */
function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= max && a.substring(i, i + BLOCK) === b.substring(i, i + BLOCK)) i += BLOCK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many trailing units `a` and `b` share, counting at most `max`. */
function commonSuffixLength(a: string, b: string, max: number): number {
  let i = 0;
  while (
    i + BLOCK <= max &&
    a.substring(a.length - i - BLOCK, a.length - i) === b.substring(b.length - i - BLOCK, b.length - i)
  )
    i += BLOCK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** The innermost node whose range holds [start, end]. */
function innermost(root: Node, start: number, end: number): Node | undefined {
  let node: Node | undefined = root;
  if (start < root.offset || end > root.offset + root.length) return undefined;
  for (;;) {
    const children: Node[] | undefined = node.children;
    if (!children?.length) return node;
    let lo = 0,
      hi = children.length - 1,
      found: Node | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = children[mid];
      if (c.offset + c.length <= start) lo = mid + 1;
      else if (c.offset > start) hi = mid - 1;
      else {
        found = c;
        break;
      }
    }
    if (!found || end > found.offset + found.length) return node;
    node = found;
  }
}

function shiftSubtree(node: MutableNode, delta: number): void {
  node.offset += delta;
  // only containers have children and only properties a colon: asking a literal for either is a slow miss
  const type = node.type;
  if (type !== 'object' && type !== 'array' && type !== 'property') return;
  if (type === 'property' && node.colonOffset !== undefined) node.colonOffset += delta;
  const children = node.children!;
  for (let i = 0; i < children.length; i++) shiftSubtree(children[i], delta);
}

/**
 * Brings `root`, the tree of `oldText`, up to date with `newText` in place when the texts differ only inside one
 * string (typing in a key or a value): that node's value and length, its ancestors' lengths and every later offset
 * change, and nothing is allocated, where a full parse would build the whole tree again. Returns the syntax errors
 * of `newText` (`errors` are those of `oldText`), or undefined, with the tree untouched, for any other edit.
 */
export function patchStringEdit(
  root: Node,
  oldText: string,
  newText: string,
  errors: readonly ParseError[],
): ParseError[] | undefined {
  const prefix = commonPrefixLength(oldText, newText);
  if (prefix === oldText.length && prefix === newText.length) return [...errors];
  const suffix = commonSuffixLength(oldText, newText, Math.min(oldText.length, newText.length) - prefix);
  const oldEnd = oldText.length - suffix;
  const delta = newText.length - oldText.length;
  const node = innermost(root, prefix, oldEnd) as MutableNode | undefined;
  // only between the quotes of a well-formed string, which no error points at
  if (!node || node.type !== 'string' || prefix <= node.offset || oldEnd >= node.offset + node.length) return undefined;
  if (
    oldText.charCodeAt(node.offset + node.length - 1) !== Char.DoubleQuote ||
    errors.some((e) => e.offset === node.offset)
  )
    return undefined;
  // the new token must scan, alone, as one clean string ending where the old one ended
  const newLength = node.length + delta;
  const tokenErrors: ParseError[] = [];
  const token = parseStrictJsonTree(newText.substring(node.offset, node.offset + newLength), tokenErrors);
  if (tokenErrors.length || token?.type !== 'string' || token.length !== newLength) return undefined;

  node.value = token.value;
  node.length = newLength;
  for (let child: MutableNode = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    parent.length += delta;
    if (parent.colonOffset !== undefined && parent.colonOffset > prefix) parent.colonOffset += delta;
    const siblings = parent.children!;
    for (let i = siblings.indexOf(child) + 1; i < siblings.length; i++) shiftSubtree(siblings[i], delta);
  }
  return errors.map((e) => (e.offset > node.offset ? { ...e, offset: e.offset + delta } : e));
}
