import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Child-process tests run the build (dist/), as `npm start` does: build it first if stale.
    globalSetup: ["test/helpers/build.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Integration tests start real servers and child processes; two cores are all we have.
    maxWorkers: 2,
  },
});
