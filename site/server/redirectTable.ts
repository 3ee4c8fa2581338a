import fs from 'node:fs'
import path from 'node:path'
import { legacyNewsPageTarget } from '../../shared/redirects/legacyNewsPages'
import { parseNetlifyRedirects, redirectFilePaths } from '../../shared/redirects/redirectFiles'
import { requestRedirectKey } from '../../shared/redirects/sitePaths'

/**
 * The site folder's `_redirects` (written by the build and kept current by the publisher), read
 * again whenever the file changes: an update renames a new file into place, a full build swaps
 * the whole folder, and either shows as another inode. Looked up only for requests no file
 * answers, so a page always wins over a redirect.
 */
export class RedirectTable {
  private file: string
  private version = ''
  private table = new Map<string, string>()

  constructor(root: string) {
    this.file = path.join(root, redirectFilePaths.netlify)
  }

  /** The `Location` for a request path (as the URL parser gives it), or null. */
  lookup(pathname: string): string | null {
    const key = requestRedirectKey(pathname)
    if (key === null) return null
    this.refresh()
    // `/news/old` finds the redirect of `/news/old/`, as a folder without its slash would.
    const exact =
      this.table.size === 0
        ? null
        : (this.table.get(key) ?? (key.endsWith('/') ? null : (this.table.get(`${key}/`) ?? null)))
    return exact ?? legacyNewsPageTarget(key)
  }

  private refresh(): void {
    let stat: fs.Stats | undefined
    try {
      stat = fs.statSync(this.file, { throwIfNoEntry: false })
    } catch {
      stat = undefined
    }
    const version = stat ? `${stat.ino}:${stat.size}:${stat.mtimeMs}` : ''
    if (version === this.version) return
    this.version = version
    try {
      this.table = stat ? parseNetlifyRedirects(fs.readFileSync(this.file, 'utf8')) : new Map()
    } catch {
      this.table = new Map() // vanished between stat and read: the next request reads it again
      this.version = ''
    }
  }
}

/** The redirect files are for servers, not visitors: true for their files in `root`. */
export const isRedirectFile = (root: string, file: string) =>
  Object.values(redirectFilePaths).some((urlPath) => file === path.join(root, urlPath))
