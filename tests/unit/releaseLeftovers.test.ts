/** What a killed publisher leaves in the releases folder, and what the next start removes. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, it } from 'vitest'
import { Releases } from '../../publisher/releases'

it('removes swap links, unfinished or unswapped releases and temporary files, and keeps the live and previous release', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-leftovers-'))
  try {
    const releases = new Releases(root)
    const release = (id: string, builtAt: string | null) => {
      const dir = path.join(root, 'releases', id)
      fs.mkdirSync(path.join(dir, 'public', 'news', 'x'), { recursive: true })
      fs.writeFileSync(path.join(dir, 'public', 'news', 'x', 'index.html'), id)
      if (builtAt) fs.writeFileSync(path.join(dir, 'release.json'), JSON.stringify({ id, builtAt }))
      return dir
    }
    release('previous', '2026-01-01T00:00:00.000Z')
    const live = release('live', '2026-01-02T00:00:00.000Z')
    release('unswapped', '2026-01-03T00:00:00.000Z') // built, the publisher died before the swap
    release('unfinished', null) // astro build cut short
    fs.symlinkSync(path.join('releases', 'live'), path.join(root, 'current'))
    fs.symlinkSync(path.join('releases', 'unswapped'), path.join(root, 'current.0a1b2c3d')) // swap cut before its rename
    fs.writeFileSync(path.join(live, 'public', 'news', 'x', '.index.html.0123abcd.tmp'), 'half')
    fs.writeFileSync(path.join(live, 'public', '.sitemap.xml.89abcdef.tmp'), 'half')

    expect(releases.removeLeftovers()).toBe(5)
    expect(fs.readdirSync(path.join(root, 'releases')).sort()).toEqual(['live', 'previous'])
    expect(fs.readdirSync(root).sort()).toEqual(['current', 'releases'])
    expect(fs.readdirSync(path.join(live, 'public'), { recursive: true }).sort()).toEqual([
      'news',
      path.join('news', 'x'),
      path.join('news', 'x', 'index.html'),
    ])
    expect(releases.current()?.id).toBe('live')
    expect(releases.removeLeftovers()).toBe(0)
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
  }
})
