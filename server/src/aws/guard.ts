// One submission per file at a time (double click, repeated command): the guard the VS Code client keeps for its
// life. No SDK here, so the client can create it at activation.

/** A second submission of the same key while the first is in flight. */
export class SubmissionInFlightError extends Error {
  override readonly name = 'SubmissionInFlightError';
  constructor(readonly key: string) {
    super(`A workflow from ${key} is already being created; wait for that request to finish.`);
  }
}

/**
 * One submission per key (e.g. the file's URI) at a time; callers create one guard and share it.
 * `run` rejects with SubmissionInFlightError, without calling `send`, while the key is busy.
 */
export function createSubmissionGuard() {
  const inFlight = new Set<string>();
  return {
    isInFlight: (key: string) => inFlight.has(key),
    async run<T>(key: string, send: () => Promise<T>): Promise<T> {
      if (inFlight.has(key)) throw new SubmissionInFlightError(key);
      inFlight.add(key);
      try {
        return await send();
      } finally {
        inFlight.delete(key);
      }
    },
  };
}
export type SubmissionGuard = ReturnType<typeof createSubmissionGuard>;
