import path from 'node:path'
import { projectRoot } from '../settings'

/** Where backups are written (`BACKUP_DIR`, default `data/backups`). */
export function backupDir(): string {
  return path.resolve(projectRoot, process.env.BACKUP_DIR || 'data/backups')
}

function positiveNumber(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback
  const number = Number(value)
  return Number.isFinite(number) && number >= 0 ? number : fallback
}

/** Hours between scheduled backups (`BACKUP_INTERVAL_HOURS`, default 24; 0 turns them off). */
export function backupIntervalHours(): number {
  return positiveNumber(process.env.BACKUP_INTERVAL_HOURS, 24)
}

/** How many archives a scheduled backup keeps in `BACKUP_DIR` (`BACKUP_KEEP`, default 7, at least 1). */
export function backupKeep(): number {
  return Math.max(1, Math.floor(positiveNumber(process.env.BACKUP_KEEP, 7)))
}
