import fs from 'node:fs'
import path from 'node:path'
import { loadEnvironment } from './loadEnvironment'
import { openPayload, runScript } from './openPayload'

loadEnvironment()

/** Writes the published-content export for the site build (atomically: temp file, then rename). */
await runScript('export', async () => {
  const payload = await openPayload()
  const { exportSiteContent } = await import('../export/exportSiteContent')
  const { siteContentFile } = await import('../settings')
  const started = performance.now()
  const content = await exportSiteContent(payload)
  const file = siteContentFile()
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(content))
  fs.renameSync(`${file}.tmp`, file)
  const count =
    content.news.length +
    content.exhibits.length +
    content.lectures.length +
    content.books.length +
    content.speakers.length
  return `${count} 条已发布内容 → ${path.relative(process.cwd(), file)}（${Math.round(performance.now() - started)} ms）`
})
