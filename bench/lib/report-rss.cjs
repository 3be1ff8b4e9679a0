// Fallback probe for machines without GNU time: preloaded into the measured
// tool, it writes what GNU time's `-f '%M %U %S'` would: peak RSS in KiB, then
// user and system CPU seconds.
'use strict';
const fs = require('node:fs');

process.on('exit', () => {
  const usage = process.resourceUsage();
  const line = [usage.maxRSS, usage.userCPUTime / 1e6, usage.systemCPUTime / 1e6].join(' ');
  if (process.env.BENCH_RSS_FILE) fs.writeFileSync(process.env.BENCH_RSS_FILE, `${line}\n`);
});
