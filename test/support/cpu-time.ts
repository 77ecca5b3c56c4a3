/**
 * Best-of-N CPU time of a function, in milliseconds. The test machine is shared: wall time
 * mostly measures the neighbours, while the process's own CPU time (and the best of a few
 * runs) says whether the algorithm is linear-ish. Returns the last result for assertions.
 */
export function bestCpuMs<T>(runs: number, fn: () => T): { best: number; result: T } {
  let best = Infinity;
  let result = fn();
  for (let run = 0; run < runs; run++) {
    const start = process.cpuUsage();
    result = fn();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return { best, result };
}
