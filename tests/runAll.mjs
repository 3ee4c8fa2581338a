#!/usr/bin/env node
/**
 * `npm test`: format check (Prettier), lint (ESLint), type check (tsc and astro check), vitest
 * (unit + integration on SQLite, and on MongoDB when MONGODB_URL is set), then Playwright end to
 * end. Every stage runs; any failing stage fails the run. Ends with one line:
 * `N passed, N failed, N skipped`.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = process.cwd()
const bin = (name) => path.join(root, 'node_modules/.bin', name)
const artifacts = path.join(root, 'artifacts')
fs.mkdirSync(artifacts, { recursive: true })
const totals = { passed: 0, failed: 0, skipped: 0 }
let broken = false

function stage(name, command, args, env = {}) {
  console.log(`\n▶ ${name}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) {
    console.error(`✘ ${name} failed (exit ${result.status ?? result.signal})`)
    broken = true
  }
  return result.status === 0
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
stage('format check (prettier)', npm, ['run', '--silent', 'format:check'])
stage('lint (eslint)', npm, ['run', '--silent', 'lint'])
if (!process.env.SKIP_TYPECHECK)
  stage('typecheck (tsc, astro check)', npm, ['run', '--silent', 'typecheck'])

if (!process.env.MONGODB_URL)
  console.log('\nℹ MONGODB_URL 未设置：MongoDB 上的集成测试将显示为跳过（skipped）。')
const vitestJson = path.join(artifacts, 'vitest.json')
fs.rmSync(vitestJson, { force: true })
stage('vitest (unit, integration)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
])
const vitest = readJson(vitestJson)
if (vitest) {
  totals.passed += vitest.numPassedTests
  totals.failed += vitest.numFailedTests
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests
} else broken = true

const playwrightJson = path.join(artifacts, 'playwright.json')
fs.rmSync(playwrightJson, { force: true })
stage('playwright (end to end, Chromium)', bin('playwright'), ['test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
})
const playwright = readJson(playwrightJson)
if (playwright?.stats) {
  totals.passed += playwright.stats.expected
  totals.failed += playwright.stats.unexpected + playwright.stats.flaky
  totals.skipped += playwright.stats.skipped
} else broken = true

if (broken && totals.failed === 0) totals.failed = 1
console.log(`\ntest: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(broken || totals.failed ? 1 : 0)
