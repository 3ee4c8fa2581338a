/**
 * Scheduled backups for `npm start`: every BACKUP_INTERVAL_HOURS (24) it runs `npm run backup`'s
 * script with `--scheduled` (which also keeps the newest BACKUP_KEEP archives) as a child process:
 * the snapshot and the hashing never stall the CMS, the publisher or the static server. The clock
 * survives restarts: the next backup is due an interval after the newest archive in BACKUP_DIR.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { backupDir, backupIntervalHours } from './backupSettings'
import { listBackups } from './pruneBackups'

const hour = 3600_000
/** Never before the system has settled after a start (first builds, migrations). */
const startDelayMs = 5 * 60_000
/** setTimeout's longest delay is ~24.8 days: wait in steps and look again. */
const longestWaitMs = 24 * hour

export interface BackupScheduleOptions {
  root: string
  intervalHours?: number
  dir?: string
  startDelayMs?: number
  log?: (message: string) => void
}

/** When the next scheduled backup is due (ms since epoch). */
export function nextBackupDue(
  dir: string,
  intervalHours: number,
  now = Date.now(),
  delayMs = startDelayMs,
): number {
  const newest = listBackups(dir)[0]
  const last = newest ? fs.statSync(newest).mtimeMs : 0
  return Math.max(now + delayMs, last + intervalHours * hour)
}

/** Starts the schedule; returns a function that stops it (and a backup in progress). */
export function scheduleBackups(options: BackupScheduleOptions): () => void {
  const intervalHours = options.intervalHours ?? backupIntervalHours()
  const log = options.log ?? ((message: string) => console.log(`[backup] ${message}`))
  if (intervalHours <= 0) return () => {}
  const dir = options.dir ?? backupDir()
  let timer: NodeJS.Timeout | undefined
  let child: ChildProcess | null = null
  let stopped = false
  let due = nextBackupDue(dir, intervalHours, Date.now(), options.startDelayMs)

  const wait = () => {
    if (stopped) return
    timer = setTimeout(tick, Math.min(longestWaitMs, Math.max(0, due - Date.now())))
    timer.unref()
  }
  const tick = () => {
    if (stopped) return
    if (Date.now() < due) return wait()
    child = spawn(
      path.join(options.root, 'node_modules/.bin/tsx'),
      ['cms/scripts/backup.ts', '--scheduled'],
      {
        cwd: options.root,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, BACKUP_DIR: dir },
      },
    )
    child.once('exit', (code) => {
      child = null
      if (stopped) return
      // A failure (recorded in 网站状态 by the script) is retried within the hour, not a day later.
      due = Date.now() + (code === 0 ? intervalHours * hour : Math.min(intervalHours * hour, hour))
      if (code !== 0) log(`定时备份失败（退出码 ${code}），一小时内重试`)
      wait()
    })
  }
  wait()
  log(`定时备份：每 ${intervalHours} 小时一次，写入 ${dir}，下次 ${new Date(due).toISOString()}`)
  return () => {
    stopped = true
    clearTimeout(timer)
    child?.kill('SIGTERM')
  }
}
