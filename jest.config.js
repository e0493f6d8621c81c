/** Jest runs the TypeScript sources through SWC (fast, no type-check); `npm run typecheck` type-checks. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest"] },
  testTimeout: 30000,
  // Jest defaults to cores - 1 workers: one on a 2-core machine. The suite is mostly CPU-bound module
  // loading and mocked program runs, so both cores help.
  maxWorkers: 2,
};
