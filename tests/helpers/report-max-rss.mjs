// Preloaded into a child process (node --import …/report-max-rss.mjs): prints its peak RSS on exit,
// even after process.exit(), so a test can bound the memory the real command used.
process.on('exit', () => process.stderr.write(`\nmax-rss-kb: ${process.resourceUsage().maxRSS}\n`));
