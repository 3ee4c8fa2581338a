import { defineConfig } from 'vitest/config'

/**
 * Integration tests run through the Payload Local API, each file in its own process on its own
 * temporary SQLite database. The `mongodb` project reruns them against `MONGODB_URL` when set
 * (and reports them skipped when not).
 */
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['tests/int/**/*.int.spec.ts'],
          env: { TEST_DATABASE: 'sqlite' },
        },
      },
      {
        // Kill -9 and fault injection (FAULT_ROUNDS rounds; few by default, 20 in `npm run test:faults`).
        extends: true,
        test: {
          name: 'faults',
          include: ['tests/faults/**/*.faults.spec.ts'],
          env: { TEST_DATABASE: 'sqlite' },
        },
      },
      {
        extends: true,
        test: {
          name: 'mongodb',
          include: ['tests/int/**/*.int.spec.ts'],
          env: { TEST_DATABASE: 'mongodb' },
        },
      },
    ],
  },
})
