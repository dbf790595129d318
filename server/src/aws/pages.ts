// Following every page of an AWS list call, safely: within a page cap, an item budget and a byte budget, so a
// service that hands out tokens forever, or pages of huge items, costs a bounded time and memory.

/** A page of a paginated call: its items, the token of the next page, the request id. */
export interface Page<T> {
  items: T[];
  nextToken: string | undefined;
  requestId: string | undefined;
}

/** What one listing may hold: items, and bytes (the UTF-16 length of the strings in them). */
export interface ListingBudget {
  readonly maxItems: number;
  readonly maxBytes: number;
}

// Beyond this many pages a listing stops: a service that hands out tokens forever must not spin the caller (the item
// and byte budgets bound the memory; this bounds the requests: 500 pages of 100 items reach the item budget).
const MAX_PAGES = 600;
// AWS may hand out an empty page with a token (a filtered listing); this many in a row is a service that never ends
const MAX_EMPTY_PAGES_IN_A_ROW = 10;
/** The default budget of a listing: far above a real account (AppFlow lists a Salesforce org's ~2,000 objects and
 * an object's ~1,000 fields), far below what would stall an editor (375 MB from 50 pages of 8 MB). */
export const LISTING_BUDGET: ListingBudget = { maxItems: 50_000, maxBytes: 8 * 1024 * 1024 };

/** The length of the strings in `value` (keys included), up to `limit`: what an item costs to hold and to search. */
export function weigh(value: unknown, limit: number = Number.MAX_SAFE_INTEGER): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= limit) {
    const v = stack.pop();
    if (typeof v === 'string') total += v.length;
    else if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object' && !(v instanceof Date))
      for (const [k, x] of Object.entries(v)) {
        total += k.length;
        stack.push(x);
      }
    else total += 8;
  }
  return total;
}

/** Why a listing stopped early, in words for a message ("more than 50,000 items"); undefined when it is whole. */
export type Cut = string | undefined;

/**
 * Every page of a call, in order: stops when a page has no token, when a token repeats (seen in the wild on
 * paginated AWS APIs; following it would loop), after MAX_PAGES, or when the budget is spent (`cut` says which).
 * Returns the items within budget and the last request id.
 */
export async function allPages<T>(
  fetchPage: (token: string | undefined) => Promise<Page<T>>,
  budget: ListingBudget = LISTING_BUDGET,
): Promise<{ items: T[]; requestId: string | undefined; cut: Cut }> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  let requestId: string | undefined;
  let bytes = 0;
  let empty = 0;
  for (let n = 0; n < MAX_PAGES; n++) {
    const page = await fetchPage(token);
    requestId = page.requestId ?? requestId;
    empty = page.items.length === 0 ? empty + 1 : 0;
    if (empty >= MAX_EMPTY_PAGES_IN_A_ROW) return { items, requestId, cut: `${empty} empty pages in a row` };
    const cut = takeWithin(items, page.items, budget, bytes);
    bytes = cut.bytes;
    if (cut.reason) return { items, requestId, cut: cut.reason };
    token = page.nextToken || undefined;
    if (!token || seen.has(token)) return { items, requestId, cut: undefined };
    seen.add(token);
  }
  return { items, requestId, cut: `more than ${MAX_PAGES} pages` };
}

/** Appends `more` to `items` while the budget lasts; the reason it stopped, if it did. */
export function takeWithin<T>(
  items: T[],
  more: readonly T[],
  budget: ListingBudget,
  bytesSoFar = 0,
): { bytes: number; reason: Cut } {
  let bytes = bytesSoFar;
  for (const item of more) {
    if (items.length >= budget.maxItems)
      return { bytes, reason: `more than ${budget.maxItems.toLocaleString('en-US')} items` };
    bytes += weigh(item, budget.maxBytes);
    if (bytes > budget.maxBytes)
      return { bytes, reason: `more than ${Math.round(budget.maxBytes / 1024 / 1024)} MB of names` };
    items.push(item);
  }
  return { bytes, reason: undefined };
}
