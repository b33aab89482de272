// Loaded with --import into a CLI run: at exit, writes the process's peak RSS and lifetime to
// the file named by SITREP_BENCH_PROBE, so the bench measures the real CLI without changing it.
import { writeFileSync } from 'node:fs';

const target = process.env.SITREP_BENCH_PROBE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024, uptimeMs: process.uptime() * 1000 }));
  });
}
