/**
 * JSON: the documents exactly as the Local API returns them at depth 0 (full fidelity: rich text
 * as Lexical JSON, arrays and ids as they are), as one array with a document per line, written a
 * page at a time.
 */
import type { ExportDocument } from './readDocuments'

export async function* writeJson(
  pages: AsyncIterable<ExportDocument[]>,
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder()
  let first = true
  yield encoder.encode('[')
  for await (const page of pages) {
    const lines = page.map((document) => {
      const line = `${first ? '' : ','}\n${JSON.stringify(document)}`
      first = false
      return line
    })
    yield encoder.encode(lines.join(''))
  }
  yield encoder.encode(first ? ']\n' : '\n]\n')
}
