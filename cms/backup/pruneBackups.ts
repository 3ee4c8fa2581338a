import fs from 'node:fs'
import path from 'node:path'
import { backupFilePattern } from './createBackup'

/** The backup archives in `dir`, newest first (by name: the name holds the time). */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((name) => backupFilePattern.test(name))
    .sort()
    .reverse()
    .map((name) => path.join(dir, name))
}

/**
 * Keeps the newest `keep` archives in `dir` and deletes the rest, with the temporary files of
 * backups that were interrupted (untouched for an hour). Returns the deleted archives.
 */
export function pruneBackups(dir: string, keep: number): string[] {
  const removed = listBackups(dir).slice(Math.max(1, keep))
  for (const file of removed) fs.rmSync(file, { force: true })
  const hourAgo = Date.now() - 3600_000
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!/^\.hongse-backup-.*\.tmp(\.db)?$/.test(name)) continue
    const file = path.join(dir, name)
    if (fs.statSync(file).mtimeMs < hourAgo) fs.rmSync(file, { force: true })
  }
  return removed
}
