/**
 * Finds what has no business inside a media file: HTML or script a browser would run if the file
 * were ever opened as a page (a polyglot: a valid PNG with a page appended), or a PDF that runs
 * JavaScript or launches programs. The patterns are long enough (a tag name of four letters or
 * more and its delimiter) that the random bytes of compressed media match them by chance about
 * once in 10,000 files of 50 MB.
 */

const markup = /<\s*(script|html|body|head|iframe|frame|object|embed|meta|link|base|form|style|template|!doctype|\?xml)[\s>/]|javascript\s*:|\bon(load|error|click|mouseover|focus|animationstart)\s*=/i

/** PDF names that run script or programs (`/JS`, `/JavaScript`, `/Launch`, embedded files, XFA forms, rich media). */
const pdfActions = /\/(JavaScript|JS|Launch|EmbeddedFiles?|XFA|RichMedia)[\s/<([]/

/** A short description of the first foreign content found, or null when the file is clean. */
export function findForeignContent(data: Buffer, mimeType: string): string | null {
  // latin1 maps each byte to one character, so ASCII markup is found wherever it sits.
  const text = data.toString('latin1')
  const found = markup.exec(text)
  if (found) return `网页标记 ${JSON.stringify(found[0].slice(0, 20))}`
  if (mimeType === 'application/pdf') {
    // Dictionaries (where actions are named) sit outside streams, whose bytes are compressed data.
    const action = pdfActions.exec(text.replace(/\bstream\r?\n[\s\S]*?\bendstream\b/g, ''))
    if (action) return `PDF 动作 ${action[0].slice(0, -1)}`
    // Anything after the last end-of-file marker is not part of the document.
    const end = text.lastIndexOf('%%EOF')
    if (end < 0 || text.slice(end + 5).replace(/[\s\0]/g, '') !== '') return 'PDF 结尾之后的附加数据'
  }
  return null
}
