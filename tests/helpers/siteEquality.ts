/**
 * The oracle for "the live site equals a clean build": every file by relative path (text as text,
 * other files by size), the search index by what it answers (slots aside), and the media a clean
 * build uses. Shared by the publisher's integration and fault tests.
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect } from 'vitest'
import { readIndexSemantics } from './searchIndexSemantics'

/** Every file of a site folder, by relative path: text as text, other files by size. */
export function siteFiles(dir: string, skip: (relative: string) => boolean): Map<string, string> {
  const files = new Map<string, string>()
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    const relative = path.relative(dir, full)
    if (skip(relative)) continue
    files.set(
      relative,
      /\.(html|xml|txt|json|js|css|vtt)$/.test(entry.name)
        ? fs.readFileSync(full, 'utf8')
        : `${fs.statSync(full).size} bytes`,
    )
  }
  return files
}

/** Media and the search index's slot files are compared by what they mean, not byte for byte. */
const notIndex = (relative: string) =>
  relative.startsWith(`media${path.sep}`) ||
  /^search[/\\](shards|docs|delta)[/\\]|^search[/\\]manifest\.json$/.test(relative)

export function expectSameSite(liveDir: string, cleanDir: string): void {
  const live = siteFiles(liveDir, notIndex)
  const full = siteFiles(cleanDir, notIndex)
  expect([...live.keys()].sort()).toEqual([...full.keys()].sort())
  const differing = [...full.keys()].filter((file) => live.get(file) !== full.get(file))
  expect(differing).toEqual([])
  expect(readIndexSemantics(path.join(liveDir, 'search'))).toEqual(
    readIndexSemantics(path.join(cleanDir, 'search')),
  )
  // Media: everything the clean build uses is there (files no page uses wait for a full build).
  for (const file of fs.readdirSync(path.join(cleanDir, 'media')))
    expect(fs.existsSync(path.join(liveDir, 'media', file))).toBe(true)
}
