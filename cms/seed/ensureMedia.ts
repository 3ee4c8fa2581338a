import type { Payload } from 'payload'

export interface MediaInput {
  filename: string
  alt: string
  caption?: string
  mimetype: string
  data: Buffer | (() => Buffer | Promise<Buffer>)
}

/** Returns the id of the media document with this file name, uploading the file if it is new. */
export async function ensureMedia(payload: Payload, input: MediaInput): Promise<number | string> {
  const existing = await payload.find({
    collection: 'media',
    where: { filename: { equals: input.filename } },
    limit: 1,
    depth: 0,
    pagination: false,
  })
  if (existing.docs[0]) return existing.docs[0].id
  const data = typeof input.data === 'function' ? await input.data() : input.data
  const doc = await payload.create({
    collection: 'media',
    data: { alt: input.alt, caption: input.caption, credit: '演示内容，由程序生成' },
    file: { data, mimetype: input.mimetype, name: input.filename, size: data.length },
  })
  return doc.id
}
