import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, for a bulk job to call between its chunks. V8 lets the heap grow to
 * about 2.5× what is live before it collects: a 50,000-row registry import kept ~100 MB live but
 * grew the heap to ~250 MB of mostly parsed-and-dropped workbook XML (docs/benchmarks.md, bench/import).
 * Collecting after each chunk keeps the peak near what is live, at ~tens of milliseconds a chunk.
 * `gc` is exposed at run time the way Jest's leak detector does it, so no start-up flag is needed.
 */
let gc: (() => void) | undefined;
export function collectGarbage(): void {
  if (!gc) {
    gc = (globalThis as { gc?: () => void }).gc;
    // Exposed at the first bulk job, not when the server starts.
    if (!gc) { setFlagsFromString('--expose-gc'); gc = runInNewContext('gc') as () => void; }
  }
  gc();
}
