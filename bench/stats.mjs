// Figures the benchmark quotes: medians of runs and nearest-rank percentiles, formatted for the table.

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export function ms(value) {
  if (value === undefined || Number.isNaN(value)) return 'n/a';
  return value >= 100 ? `${Math.round(value)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`;
}

export function bytes(value) {
  if (value === undefined || Number.isNaN(value)) return 'n/a';
  if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.round(value / 1024)} kB`;
}

export const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : '');

/** Runs `fn` `warmup` times uncounted, then `runs` times; returns the counted durations in ms. */
export async function timed(runs, warmup, fn) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out = [];
  for (let i = 0; i < runs; i++) out.push(await fn(warmup + i));
  return out;
}

/** Line/character of `offset` in `text` (UTF-16, as LSP counts). */
export function positionAt(text, offset) {
  let line = 0,
    lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
