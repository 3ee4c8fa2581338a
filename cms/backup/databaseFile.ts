import path from 'node:path'
import { projectRoot } from '../settings'

/** The SQLite file a `file:` DATABASE_URL names (relative to the project), or null for other URLs. */
export function sqliteFilePath(url: string): string | null {
  if (!url.startsWith('file:')) return null
  return path.resolve(projectRoot, url.slice('file:'.length).replace(/^\/\/(?=\/)/, ''))
}

/** The database name of a MongoDB URL, without credentials or host (`mongodb://u:p@h/cms?x` → `cms`). */
export function mongoDatabaseName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'test'
  } catch {
    return '(无法解析)'
  }
}
