/** Jest runs the TypeScript sources through SWC (fast, no type-check); `npm run typecheck` type-checks. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest"] },
  // A net for a hung test, not a speed limit. The slowest tests start the verify CLI as child processes:
  // 2-4 s each on an idle 2-core machine, 10-25 s with other work on it, and more than 100 s once with
  // eight busy processes on top (load ~30). A hung test costs this long; a slow one must never fail.
  testTimeout: 300_000,
  // Jest defaults to cores - 1 workers: one on a 2-core machine. The suite is mostly CPU-bound module
  // loading and mocked program runs, so both cores help.
  maxWorkers: 2,
  // How long a worker may take to exit after its last file before jest kills it and reports "A worker
  // process has failed to exit gracefully". Jest's default, 500 ms, is shorter than a worker that loaded
  // the Pulumi SDK takes to tear down on a busy 2-core machine (measured 370-510 ms after its exit event
  // on an idle one, with nothing left open). 10 s was still exceeded once in a clean-clone CI run beside
  // eight busy processes and other work (load above 25), with `--detectOpenHandles` finding nothing in
  // the files that worker ran: a slow exit, not a leak. A handle that really keeps a worker alive is
  // still reported, after 60 s.
  workerGracefulExitTimeout: 60_000,
};
