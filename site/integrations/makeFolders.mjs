/**
 * A low-priority helper process of `astro build` (see pagesOnWorkers.ts): makes the folders the
 * page files will go into, while the build is still bundling, so that the render threads only
 * write files. Plain JavaScript: it needs no loader. A folder it cannot make is left to the render
 * thread, which reports the error.
 */
import fs from 'node:fs'

process.once('disconnect', () => process.exit(0))
process.once('message', ({ folders }) => {
  for (const folder of folders) {
    try {
      fs.mkdirSync(folder, { recursive: true })
    } catch {
      // the page's own write fails with the reason
    }
  }
  process.exit(0)
})
