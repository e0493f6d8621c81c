/** Jest runs the TypeScript sources through SWC (fast, no type-check); `npm run typecheck` type-checks. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest"] },
  testTimeout: 30000,
};
