/**
 * The manifest, the last entry of every backup archive: where the data came from, what it holds
 * and the sha256 of every other entry, so a restore can prove the archive whole before it touches
 * anything.
 */
export const manifestName = 'manifest.json'
export const manifestFormat = 'hongse-backup'
export const manifestVersion = 1

export interface ManifestFile {
  size: number
  sha256: string
}

export interface BackupManifest {
  format: typeof manifestFormat
  version: typeof manifestVersion
  createdAt: string
  database: {
    /** `sqlite`, or `mongodb` for a mongodump archive. */
    kind: 'sqlite' | 'mongodb'
    /** The database file's name (SQLite) or the database name (MongoDB); never credentials. */
    name: string
    /** The archive entry holding the database. */
    entry: string
    /** Applied schema migrations, oldest first (SQLite). */
    migrations: string[]
    /** Documents per collection, and `<collection> (versions)` for versioned ones. */
    counts: Record<string, number>
  }
  media: { entries: number; bytes: number }
  /** Every entry but the manifest, by archive path. */
  files: Record<string, ManifestFile>
}

/** Archive path of a media file (relative to MEDIA_DIR, forward slashes). */
export const mediaEntry = (relative: string) => `media/${relative.split('\\').join('/')}`
