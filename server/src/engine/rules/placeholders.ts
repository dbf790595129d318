// Template placeholders (TPL-1): the values the project's own snippets and New File template carry where only the user
// knows the right one (their account, KMS key, connections, domain, bucket). The values are read from
// snippets/cpworkflow.json as each snippet inserts them unchanged, so a snippet edit needs no second list here.
import { Node } from '../document';
import { Finding, quoted } from '../findings';
import { SNIPPETS, defaultText } from '../snippets';
import { DOCS } from './docs';
import type { Fixes, Rule, RuleContext } from './types';

declare module '../findings' {
  interface CodeData {
    /** a template's example value left in the file: which kind of placeholder, and the value */
    'TPL-1': { readonly placeholder: string; readonly value: string };
  }
}

/** Where in a string value the part that names the user's own resource is (offset and length), if any. */
type PartOf = (value: string) => { offset: number; length: number } | undefined;

const whole: PartOf = (value) => (value ? { offset: 0, length: value.length } : undefined);
// arn:partition:service:region:account-id:resource
const arnAccount: PartOf = (value) => {
  const f = value.split(':');
  if (f.length < 6 || f[0] !== 'arn' || !f[4]) return undefined;
  return { offset: f.slice(0, 4).join(':').length + 1, length: f[4].length };
};
// arn:aws:kms:region:account-id:key/key-id
const kmsKeyId: PartOf = (value) => {
  const i = value.indexOf(':key/');
  return i < 0 || i + 5 === value.length ? undefined : { offset: i + 5, length: value.length - i - 5 };
};

interface PlaceholderKind {
  readonly kind: string;
  /** the members whose values hold this kind of name */
  readonly members: readonly string[];
  readonly partOf: PartOf;
  /** what the template's value stands for, and what to put there instead */
  readonly what: string;
  readonly put: string;
}

const KINDS: readonly PlaceholderKind[] = [
  {
    kind: 'account',
    members: ['RoleArn', 'KmsArn'],
    partOf: arnAccount,
    what: 'the example AWS account ID',
    put: 'your 12-digit AWS account ID (the account of the Customer Profiles domain)',
  },
  {
    kind: 'kmsKey',
    members: ['KmsArn'],
    partOf: kmsKeyId,
    what: 'the example KMS key ID',
    put: 'the ID of your KMS key (AWS KMS console, Customer managed keys)',
  },
  {
    kind: 'connectorProfile',
    members: ['ConnectorProfileName'],
    partOf: whole,
    what: 'the example connector profile name',
    put: 'the name of your AppFlow connection to the source (AppFlow console, Connections)',
  },
  {
    kind: 'domain',
    members: ['DomainName'],
    partOf: whole,
    what: 'the example domain name',
    put: 'the name of your Customer Profiles domain',
  },
  {
    kind: 'bucket',
    members: ['BucketName'],
    partOf: whole,
    what: 'the example bucket name',
    put: 'the name of the S3 bucket your source files are in',
  },
];

/** Every string member of a parsed JSON value, as [member, value]. */
function stringMembers(v: unknown, out: [string, string][] = []): [string, string][] {
  if (Array.isArray(v)) v.forEach((x) => stringMembers(x, out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === 'string') out.push([k, x]);
      else stringMembers(x, out);
    }
  return out;
}

/** The placeholder values of each kind, as the project's snippets insert them unchanged. */
const TEMPLATE_PLACEHOLDERS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const found = new Map<string, Set<string>>(KINDS.map((k) => [k.kind, new Set<string>()]));
  for (const snippet of SNIPPETS) {
    let value: unknown;
    try {
      value = JSON.parse(defaultText(snippet.body));
    } catch {
      continue; // a fragment that is no JSON value alone holds none of these members
    }
    for (const [member, text] of stringMembers(value))
      for (const k of KINDS) {
        const part = k.members.includes(member) ? k.partOf(text) : undefined;
        if (part) found.get(k.kind)!.add(text.substr(part.offset, part.length));
      }
  }
  return found;
})();

function check(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const visit = (node: Node | undefined): void => {
    if (!node?.children) return;
    for (const child of node.children) {
      if (child.type !== 'property') {
        visit(child);
        continue;
      }
      const [keyNode, valueNode] = child.children ?? [];
      if (valueNode?.type !== 'string') {
        visit(valueNode);
        continue;
      }
      // the raw text between the quotes: offsets into it are offsets into the file
      const raw = ctx.doc.text.slice(valueNode.offset + 1, valueNode.offset + valueNode.length - 1);
      for (const k of KINDS) {
        const part = k.members.includes(String(keyNode.value)) ? k.partOf(raw) : undefined;
        const text = part && raw.substr(part.offset, part.length);
        if (!part || !text || !TEMPLATE_PLACEHOLDERS.get(k.kind)!.has(text)) continue;
        out.push({
          code: 'TPL-1',
          severity: 'warning',
          at: { offset: valueNode.offset + 1 + part.offset, length: part.length },
          href: DOCS.operation,
          data: { rules: ['TPL-1'], placeholder: k.kind, value: text },
          message: `${keyNode.value}: ${quoted(text)} is ${k.what} from the cpworkflow template, not a real one. Put ${k.put} here.`,
        });
      }
    }
  };
  visit(ctx.doc.root);
  return out;
}

export const placeholderRules: readonly Rule[] = [{ name: 'template placeholders', ids: ['TPL-1'], check }];

export const placeholderFixes: Fixes<'TPL-1'> = { 'TPL-1': null };
