/** Jest runs the TypeScript sources through SWC (fast, no type-check); `npm run typecheck` type-checks. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest"] },
  // A net for a hung test, not a speed limit: the slowest tests (verify/cli.test.ts starts the CLI as
  // child processes) take 10-25 s on a busy 2-core machine, and a 10x slower machine must still pass.
  testTimeout: 120_000,
  // Jest defaults to cores - 1 workers: one on a 2-core machine. The suite is mostly CPU-bound module
  // loading and mocked program runs, so both cores help.
  maxWorkers: 2,
  // How long a worker may take to exit after its last file before jest kills it and reports "A worker
  // process has failed to exit gracefully". Jest's default, 500 ms, is shorter than a worker that loaded
  // the Pulumi SDK takes to tear down on a busy 2-core machine (measured 370-510 ms after its exit event,
  // with nothing left open). A handle that really keeps a worker alive is still reported, after 10 s.
  workerGracefulExitTimeout: 10_000,
};
