// Fallback peak-memory probe for machines without GNU time: preloaded into the
// measured tool, it writes the process's own peak RSS (KiB) when it exits.
'use strict';
const fs = require('node:fs');

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) fs.writeFileSync(process.env.BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`);
});
