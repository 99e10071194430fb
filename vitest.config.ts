import { defineConfig } from 'vitest/config';

// Unit tests run in Node: the engine is plain TypeScript with no DOM, so no browser is needed here.
// In CI a JSON report lets .ci/run add up the totals.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Some files build the full TinyWorld corpus or load a model once in beforeAll; on a busy 2-core machine that can take
    // longer than the 10 s default.
    hookTimeout: 120_000,
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: process.env.CI ? { json: 'reports/unit.json' } : undefined,
  },
});
