import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * A hidden, unique name beside `file` to write it under before renaming it into place. A long name
 * is cut (at most 200 bytes kept), so the temporary name is never refused where the file is not.
 */
export function temporaryPathFor(file: string): string {
  let name = path.basename(file)
  while (Buffer.byteLength(name) > 200) name = [...name].slice(0, -1).join('')
  return path.join(path.dirname(file), `.${name}.${crypto.randomBytes(4).toString('hex')}.tmp`)
}

/**
 * Writes `data` to `file` through a temporary file in the same folder and a rename (Node only), so
 * a reader sees the old file or the new one, never half of one. Creates the folder if needed.
 */
export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const temporary = temporaryPathFor(file)
  try {
    fs.writeFileSync(temporary, data)
    fs.renameSync(temporary, file)
  } catch (error) {
    fs.rmSync(temporary, { force: true })
    throw error
  }
}
