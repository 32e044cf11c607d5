// Preloaded into the reference server when profiling: Node writes --cpu-prof output only on a
// normal exit, and the reference has no signal handler of its own.
process.once('SIGTERM', () => process.exit(0));
