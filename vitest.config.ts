import { defineConfig } from "vitest/config";

// Tests are deterministic: the time zone is pinned (see package.json TZ=UTC) and every random draw is seeded.
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
