import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Writes `data` to `file` through a temporary file in the same folder and a rename (Node only), so
 * a reader sees the old file or the new one, never half of one. Creates the folder if needed.
 */
export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomBytes(4).toString('hex')}.tmp`)
  try {
    fs.writeFileSync(temporary, data)
    fs.renameSync(temporary, file)
  } catch (error) {
    fs.rmSync(temporary, { force: true })
    throw error
  }
}
