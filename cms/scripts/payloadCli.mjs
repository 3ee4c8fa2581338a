#!/usr/bin/env node
/**
 * Runs Payload's CLI against cms/payload.config.ts and checks that it did its job: the CLI can
 * exit 0 without doing anything, so this prints one result line and exits non-zero on failure.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = process.cwd()
const args = process.argv.slice(2)
const command = args[0] ?? 'help'

/**
 * Files a command must write. Payload skips the write when nothing changed, so each is moved
 * aside first: afterwards it must exist again (and the old copy comes back on failure).
 */
const outputs = {
  'generate:types': ['cms/payload-types.ts'],
  'generate:importmap': ['cms/app/(payload)/admin/importMap.js'],
}

const sizeOf = (file) => {
  try {
    return fs.statSync(path.join(root, file)).size
  } catch {
    return 0
  }
}
const backup = (file) => path.join(root, `${file}.before-cli`)
const migrationsDir = path.join(root, 'cms/database/migrations')
const listMigrations = () => (fs.existsSync(migrationsDir) ? fs.readdirSync(migrationsDir) : [])

const expected = outputs[command] ?? []
for (const file of expected)
  if (fs.existsSync(path.join(root, file))) fs.renameSync(path.join(root, file), backup(file))
const migrationsBefore = listMigrations()

const result = spawnSync(path.join(root, 'node_modules/.bin/payload'), args, {
  stdio: 'inherit',
  env: {
    PAYLOAD_CONFIG_PATH: 'cms/payload.config.ts',
    PAYLOAD_JOBS_AUTORUN: 'false',
    ...process.env,
  },
})

const fail = (reason) => {
  for (const file of expected) {
    if (fs.existsSync(backup(file)) && !sizeOf(file))
      fs.renameSync(backup(file), path.join(root, file))
  }
  console.error(`✘ payload ${args.join(' ')}: ${reason}`)
  process.exit(1)
}
if (result.error) fail(result.error.message)
if (result.status !== 0) fail(`exited with ${result.status ?? result.signal}`)
for (const file of expected) {
  if (!sizeOf(file)) fail(`${file} was not written`)
  fs.rmSync(backup(file), { force: true })
}
if (command === 'migrate:create') {
  const added = listMigrations().filter((file) => !migrationsBefore.includes(file))
  const skipEmpty = args.includes('--skip-empty')
  if (added.length === 0 && !skipEmpty) fail('no migration file was written')
  console.log(
    `✔ payload ${args.join(' ')}: ${added.length ? `wrote ${added.join(', ')}` : 'no schema changes'}`,
  )
} else {
  console.log(
    `✔ payload ${args.join(' ')}: done${expected.length ? ` (wrote ${expected.join(', ')})` : ''}`,
  )
}
