/** Staged writes of an update: a refused file name is skipped, other failures fail the commit, none escapes unhandled. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { StagedFiles } from '../../publisher/siteFiles'

const dirs: string[] = []
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-staged-'))
  dirs.push(dir)
  return dir
}
const files = (dir: string) => (fs.readdirSync(dir, { recursive: true }) as string[]).sort()

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('StagedFiles', () => {
  it('skips a file whose name the file system refuses, and writes the others', async () => {
    const dir = tempDir()
    const staged = new StagedFiles()
    const skipped: string[] = []
    staged.stage(0, path.join(dir, 'x'.repeat(300), 'index.html'), 'long', (error) =>
      skipped.push((error as NodeJS.ErrnoException).code ?? ''),
    )
    staged.stage(0, path.join(dir, 'ok', 'index.html'), 'ok')
    await staged.commit()
    expect(skipped).toEqual(['ENAMETOOLONG'])
    expect(files(dir)).toEqual(['ok', path.join('ok', 'index.html')])
  })

  it('skips a file whose place is taken by a folder, at the rename', async () => {
    const dir = tempDir()
    fs.mkdirSync(path.join(dir, 'page', 'index.html'), { recursive: true })
    const staged = new StagedFiles()
    const skipped: string[] = []
    staged.stage(0, path.join(dir, 'page', 'index.html'), 'page', (error) =>
      skipped.push((error as NodeJS.ErrnoException).code ?? ''),
    )
    staged.stage(0, path.join(dir, 'other.html'), 'other')
    await staged.commit()
    expect(skipped).toEqual(['EISDIR'])
    expect(files(dir)).toEqual(['other.html', 'page', path.join('page', 'index.html')])
    expect(fs.statSync(path.join(dir, 'page', 'index.html')).isDirectory()).toBe(true)
  })

  it('fails the commit on a refused name without a skip handler, with no unhandled rejection meanwhile', async () => {
    const dir = tempDir()
    const unhandled: unknown[] = []
    const listener = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', listener)
    try {
      const staged = new StagedFiles()
      staged.stage(0, path.join(dir, 'x'.repeat(300), 'index.html'), 'long')
      staged.stage(0, path.join(dir, 'ok.html'), 'ok')
      // Other pages still render while the write has already failed.
      await new Promise((resolve) => setTimeout(resolve, 50))
      await expect(staged.commit()).rejects.toMatchObject({ code: 'ENAMETOOLONG' })
      await staged.discard()
      expect(unhandled).toEqual([])
      expect(files(dir)).toEqual([])
    } finally {
      process.off('unhandledRejection', listener)
    }
  })

  it('fails with ENOSPC while the test hook says the disk is full, leaving the old file', async () => {
    const dir = tempDir()
    const full = path.join(tempDir(), 'disk-full')
    fs.writeFileSync(full, '')
    fs.writeFileSync(path.join(dir, 'page.html'), 'old')
    const failing = new StagedFiles({ noSpaceWhile: full })
    failing.stage(0, path.join(dir, 'page.html'), 'new', () => {})
    await expect(failing.commit()).rejects.toMatchObject({ code: 'ENOSPC' })
    await failing.discard()
    expect(files(dir)).toEqual(['page.html'])
    expect(fs.readFileSync(path.join(dir, 'page.html'), 'utf8')).toBe('old')
    fs.rmSync(full)
    const retry = new StagedFiles({ noSpaceWhile: full })
    retry.stage(0, path.join(dir, 'page.html'), 'new')
    await retry.commit()
    expect(fs.readFileSync(path.join(dir, 'page.html'), 'utf8')).toBe('new')
  })
})

describe('temporary names', () => {
  it('stay within the file-name limit for a file whose own name is at the limit', async () => {
    const dir = tempDir()
    const name = `${'图'.repeat(80)}.webp` // 245 bytes: allowed, but not with a temporary prefix and suffix
    const staged = new StagedFiles()
    staged.stage(0, path.join(dir, name), 'image')
    await staged.commit()
    expect(files(dir)).toEqual([name])
  })
})
