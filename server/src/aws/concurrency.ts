// Bounded concurrency for the library's callers: at most `limit` calls of `fn` at once (the view's records per
// workflow; the account provider keeps a queue of its own, since it also reports as each fact arrives).

/** Runs `fn` over `items`, at most `limit` at a time; resolves when all are done, rejects with the first failure. */
export async function inParallel<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
