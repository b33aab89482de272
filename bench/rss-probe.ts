// Loaded with --import into a CLI run: at exit, writes the process's peak RSS, its live heap
// (after a full GC, when the bench ran node with --expose-gc) and lifetime to the file named by
// SITREP_BENCH_PROBE, so the bench measures the real CLI without changing it. Peak RSS also
// counts garbage V8 had not collected yet; the live heap tells a leak from that slack.
import { writeFileSync } from 'node:fs';

const target = process.env.SITREP_BENCH_PROBE;
if (target) {
  process.on('exit', () => {
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const collect = (globalThis as { gc?: () => void }).gc;
    collect?.();
    const liveHeapMb = collect ? process.memoryUsage().heapUsed / 2 ** 20 : null;
    writeFileSync(target, JSON.stringify({ peakRssMb, liveHeapMb, uptimeMs: process.uptime() * 1000 }));
  });
}
