import chardet from 'chardet'
import iconv from 'iconv-lite'

/** Text encodings an import file may use. GB18030 is a superset of GBK and GB2312. */
export const textEncodings = ['utf-8', 'gb18030'] as const
export type TextEncoding = (typeof textEncodings)[number]

export const encodingLabels: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK / GB18030',
}

const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf])

/**
 * Guesses the encoding of a text file: a BOM or strictly valid UTF-8 means UTF-8 (chardet alone
 * mistakes short UTF-8 Chinese for other encodings); otherwise chardet decides, and anything
 * that is not UTF-8 is read as GB18030, the encoding Chinese library systems export.
 */
export function guessEncoding(bytes: Buffer): TextEncoding {
  if (bytes.subarray(0, 3).equals(utf8Bom) || isStrictUtf8(bytes)) return 'utf-8'
  const guess = chardet.detect(bytes)
  return guess && /^utf-?8$/i.test(guess) ? 'utf-8' : 'gb18030'
}

/** True when every byte sequence is valid UTF-8. */
export function isStrictUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/** The file's text in the given encoding, without a BOM. */
export function decodeText(bytes: Buffer, encoding: TextEncoding): string {
  const text = iconv.decode(bytes, encoding)
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
