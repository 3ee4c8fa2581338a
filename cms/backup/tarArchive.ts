/**
 * A minimal tar (POSIX ustar + pax) writer and reader, enough for backup archives: regular files
 * only, long or non-ASCII names and large sizes through pax headers. Node has no tar built in, and
 * writing it ourselves lets a backup hash every file in the same pass that archives it, so the
 * manifest (the last entry) always describes exactly the bytes that were written. Any standard
 * `tar` reads the result (`tar -tzf backup.tar.gz`).
 */
const block = 512

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0'
}

function header(name: string, size: number, mtime: number, type: '0' | 'x'): Buffer {
  const buffer = Buffer.alloc(block)
  // The name field keeps an ASCII fallback; the pax header before it carries the real name.
  buffer.write(name.replace(/[^\x20-\x7e]/g, '_').slice(-99), 0, 100, 'ascii')
  buffer.write(octal(0o644, 8), 100, 'ascii')
  buffer.write(octal(0, 8), 108, 'ascii')
  buffer.write(octal(0, 8), 116, 'ascii')
  buffer.write(octal(Math.min(size, 0o77777777777), 12), 124, 'ascii')
  buffer.write(octal(Math.floor(mtime / 1000), 12), 136, 'ascii')
  buffer.write('        ', 148, 'ascii')
  buffer.write(type, 156, 'ascii')
  buffer.write('ustar\0' + '00', 257, 'ascii')
  let sum = 0
  for (const byte of buffer) sum += byte
  buffer.write(octal(sum, 7) + ' ', 148, 'ascii')
  return buffer
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`
  // The length prefix counts itself: grow it until it is consistent.
  let length = Buffer.byteLength(body) + 1
  while (String(length).length + Buffer.byteLength(body) !== length)
    length = String(length).length + Buffer.byteLength(body)
  return `${length}${body}`
}

const padding = (size: number) => Buffer.alloc((block - (size % block)) % block)

/** The header blocks of one file entry: a pax header first when ustar cannot hold the name or size. */
export function entryHeader(name: string, size: number, mtime = Date.now()): Buffer {
  const records: string[] = []
  if (Buffer.byteLength(name) > 99 || /[^\x20-\x7e]/.test(name))
    records.push(paxRecord('path', name))
  if (size > 0o77777777777) records.push(paxRecord('size', String(size)))
  if (records.length === 0) return header(name, size, mtime, '0')
  const pax = Buffer.from(records.join(''), 'utf8')
  return Buffer.concat([
    header('PaxHeader', pax.length, mtime, 'x'),
    pax,
    padding(pax.length),
    header(name, size, mtime, '0'),
  ])
}

/** The zero blocks after a file's data that round it up to whole blocks. */
export const entryPadding = padding

/** The end-of-archive marker: two zero blocks. */
export const archiveEnd = (): Buffer => Buffer.alloc(block * 2)

export class ArchiveFormatError extends Error {
  constructor(
    message: string,
    readonly truncated = false,
  ) {
    super(message)
  }
}

export interface EntrySink {
  /** Called with each piece of the entry's data, in order. */
  data(chunk: Buffer): void | Promise<void>
  end(): void | Promise<void>
}

function parseOctal(buffer: Buffer, start: number, length: number): number {
  const text = buffer
    .toString('ascii', start, start + length)
    .replace(/\0.*$/s, '')
    .trim()
  if (!/^[0-7]*$/.test(text)) throw new ArchiveFormatError('tar 头部的数字字段无效')
  return text ? parseInt(text, 8) : 0
}

function checksumOk(buffer: Buffer): boolean {
  const stored = parseOctal(buffer, 148, 8)
  let sum = 0
  for (let i = 0; i < block; i++) sum += i >= 148 && i < 156 ? 32 : buffer[i]
  return sum === stored
}

function parsePax(data: Buffer): Record<string, string> {
  const result: Record<string, string> = {}
  let offset = 0
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset)
    const length = Number(data.toString('ascii', offset, space))
    if (space < 0 || !Number.isInteger(length) || length <= 0)
      throw new ArchiveFormatError('tar 的 pax 头部无效')
    const record = data.toString('utf8', space + 1, offset + length - 1)
    const equals = record.indexOf('=')
    result[record.slice(0, equals)] = record.slice(equals + 1)
    offset += length
  }
  return result
}

/**
 * Reads a tar stream, calling `open(name, size)` for each regular file and feeding it its data.
 * Throws `ArchiveFormatError` for a damaged header and (with `truncated`) for an archive that ends
 * before its end-of-archive marker.
 */
export async function readTar(
  source: AsyncIterable<Buffer>,
  open: (name: string, size: number) => EntrySink | Promise<EntrySink>,
): Promise<void> {
  let pending: Buffer = Buffer.alloc(0)
  let state:
    | { kind: 'header' }
    | {
        kind: 'data'
        remaining: number
        pad: number
        sink: EntrySink | null
        pax: Buffer[] | null
      } = { kind: 'header' }
  let pax: Record<string, string> = {}
  let ended = false

  const step = async (): Promise<boolean> => {
    if (state.kind === 'header') {
      if (pending.length < block) return false
      const head = pending.subarray(0, block)
      pending = pending.subarray(block)
      if (head.every((byte) => byte === 0)) {
        ended = true
        return false
      }
      if (!checksumOk(head)) throw new ArchiveFormatError('tar 头部校验和不符')
      const type = String.fromCharCode(head[156] || 0x30)
      let name = head.toString('utf8', 0, 100).replace(/\0.*$/s, '')
      const prefix = head.toString('utf8', 345, 500).replace(/\0.*$/s, '')
      if (prefix) name = `${prefix}/${name}`
      let size = parseOctal(head, 124, 12)
      if (type === 'x' || type === 'g') {
        state = {
          kind: 'data',
          remaining: size,
          pad: padding(size).length,
          sink: null,
          pax: type === 'x' ? [] : null,
        }
        return true
      }
      if (pax.path) name = pax.path
      if (pax.size) size = Number(pax.size)
      pax = {}
      if (type === '5') {
        state = { kind: 'data', remaining: 0, pad: 0, sink: null, pax: null }
        return true
      }
      if (type !== '0') throw new ArchiveFormatError(`不支持的 tar 条目类型“${type}”（${name}）`)
      state = {
        kind: 'data',
        remaining: size,
        pad: padding(size).length,
        sink: await open(name, size),
        pax: null,
      }
      return true
    }
    if (state.remaining > 0) {
      if (pending.length === 0) return false
      const piece = pending.subarray(0, Math.min(state.remaining, pending.length))
      pending = pending.subarray(piece.length)
      state.remaining -= piece.length
      if (state.sink) await state.sink.data(piece)
      if (state.pax) state.pax.push(Buffer.from(piece))
      return true
    }
    if (pending.length < state.pad) return false
    pending = pending.subarray(state.pad)
    if (state.pax) pax = parsePax(Buffer.concat(state.pax))
    if (state.sink) await state.sink.end()
    state = { kind: 'header' }
    return true
  }

  for await (const chunk of source) {
    if (ended) continue
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk
    while (!ended && (await step()));
  }
  if (!ended) throw new ArchiveFormatError('归档在结束标记之前中断', true)
}
