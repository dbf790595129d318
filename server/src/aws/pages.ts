// Following every page of an AWS list call, safely.

/** A page of a paginated call: its items, the token of the next page, the request id. */
export interface Page<T> {
  items: T[];
  nextToken: string | undefined;
  requestId: string | undefined;
}

// Beyond this many pages (of up to 100 items) a listing stops: a service that hands out tokens forever must not spin
// the caller.
const MAX_PAGES = 50;

/**
 * Every page of a call, in order: stops when a page has no token, when a token repeats (seen in the wild on
 * paginated AWS APIs; following it would loop) or after MAX_PAGES. Returns the items and the last request id.
 */
export async function allPages<T>(
  fetchPage: (token: string | undefined) => Promise<Page<T>>,
): Promise<{ items: T[]; requestId: string | undefined }> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  let requestId: string | undefined;
  for (let n = 0; n < MAX_PAGES; n++) {
    const page = await fetchPage(token);
    items.push(...page.items);
    requestId = page.requestId ?? requestId;
    token = page.nextToken || undefined;
    if (!token || seen.has(token)) break;
    seen.add(token);
  }
  return { items, requestId };
}
