import { defineConfig } from 'vitest/config';

// Unit tests run in Node: the engine is plain TypeScript with no DOM, so no browser is needed here.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
