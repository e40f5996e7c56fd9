import { median } from './median.mjs';

/**
 * Microseconds per call of `fn`: warms up, then runs batches of calls for
 * about `ms` in total and returns the median batch's time per call.
 */
export function microsecondsPerOp(fn, ms = 600) {
  let sink;
  const warmUntil = performance.now() + ms / 4;
  while (performance.now() < warmUntil) sink = fn();
  // A batch size that takes about 10 ms.
  let batch = 1;
  for (;;) {
    const start = performance.now();
    for (let index = 0; index < batch; index += 1) sink = fn();
    if (performance.now() - start >= 10 || batch >= 1 << 20) break;
    batch *= 2;
  }
  const samples = [];
  const stopAt = performance.now() + ms;
  while (performance.now() < stopAt || samples.length < 5) {
    const start = performance.now();
    for (let index = 0; index < batch; index += 1) sink = fn();
    samples.push(((performance.now() - start) * 1000) / batch);
  }
  if (sink === Symbol.for('never')) console.log(sink);
  return median(samples);
}
