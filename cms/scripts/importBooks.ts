/**
 * `npm run import:books -- <file> [--encoding utf-8|gb18030] [--map 列名=字段]… [--mode all|valid] [--dry-run]`:
 * imports a catalogue file (.xlsx, .csv, .mrc/.iso) into 汇书房馆藏. Prints the preview first
 * (format, encoding, column mapping, counts, every invalid row with its reasons), then imports as
 * one unit: `--mode all` (the default) only when every row is valid, `--mode valid` the valid rows.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadEnvironment } from './loadEnvironment'
import { openPayload, parseArguments, runScript } from './openPayload'

loadEnvironment()

const usage =
  '用法：npm run import:books -- <文件.xlsx|.csv|.mrc> [--encoding utf-8|gb18030] [--map 列名=字段] [--mode all|valid] [--dry-run]'

await runScript('import:books', async () => {
  const { values, positionals } = parseArguments(
    () =>
      parseArgs({
        options: {
          encoding: { type: 'string' },
          map: { type: 'string', multiple: true },
          mode: { type: 'string', default: 'all' },
          'dry-run': { type: 'boolean' },
        },
        allowPositionals: true,
        strict: true,
      }),
    usage,
  )
  if (positionals.length !== 1) throw new Error(`请给出一个要导入的文件。${usage}`)
  if (values.mode !== 'all' && values.mode !== 'valid')
    throw new Error(`--mode 只能是 all（全部有效才导入）或 valid（只导入有效行）。`)
  const file = path.resolve(positionals[0])
  if (!fs.existsSync(file)) throw new Error(`找不到文件 ${positionals[0]}。`)
  const mapping = Object.fromEntries(
    (values.map ?? []).map((pair) => {
      const at = pair.lastIndexOf('=')
      if (at <= 0)
        throw new Error(`--map 应写成 列名=字段（字段留空表示不导入），收到「${pair}」。`)
      return [pair.slice(0, at), pair.slice(at + 1) || null]
    }),
  )
  const [{ checkChoices, prepareBookImport, describeResult }, { applyImport }] = await Promise.all([
    import('../bookImport/importBooks'),
    import('../bookImport/applyImport'),
  ])
  const choices = checkChoices({
    encoding: values.encoding,
    mapping: values.map ? mapping : undefined,
  })
  const source = { bytes: fs.readFileSync(file), fileName: path.basename(file), choices }
  const payload = await openPayload()
  const { preview, plan } = await prepareBookImport(payload, source)
  printPreview(preview)
  if (values['dry-run'])
    return `预览完成，未写入（新增 ${preview.counts.new}，更新 ${preview.counts.updated}，无效 ${preview.counts.invalid}）`

  const started = Date.now()
  // The plan just shown is the one applied: the file is read and checked once.
  const result = await applyImport(payload, plan, {
    mode: values.mode,
    onProgress: ({ done, total }) => console.log(`  导入中 ${done}/${total}`),
  })
  return `${describeResult(result)}（${((Date.now() - started) / 1000).toFixed(1)} 秒）`
})

function printPreview(preview: import('../bookImport/importBooks').ImportPreview): void {
  const label = new Map(preview.fields.map((field) => [field.name, field.label]))
  console.log(
    `文件：${preview.fileName}（${preview.formatLabel}${preview.encoding ? `，编码 ${preview.encoding}` : ''}${preview.standard ? `，${preview.standard}` : ''}）`,
  )
  console.log('列对应：')
  for (const header of preview.headers) {
    const field = preview.mapping[header]
    console.log(`  ${header} → ${field ? `${label.get(field)}（${field}）` : '不导入'}`)
  }
  const { counts } = preview
  console.log(
    `共 ${preview.total} 行：新增 ${counts.new}，更新 ${counts.updated}，未变 ${counts.unchanged}，无效 ${counts.invalid}`,
  )
  for (const row of preview.invalid)
    console.log(
      `  第 ${row.rowNumber} 行${row.title ? `（${row.title}）` : ''}：${row.problems.join(' ')}`,
    )
}
