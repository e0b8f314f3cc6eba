import { defineConfig } from "vitest/config";

// Tests are deterministic: the time zone is pinned (TZ=UTC in package.json) and every random draw is seeded.
// The real warehouse is built once for all real-data tests (tests/global-setup.ts).
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
