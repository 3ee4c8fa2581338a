/** Builds Lexical rich-text JSON (the shape Payload's editor stores) from plain paragraphs. */

type LexicalNode = Record<string, unknown>

function textNode(text: string): LexicalNode {
  return { type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }
}

function paragraph(text: string): LexicalNode {
  return {
    type: 'paragraph',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    textFormat: 0,
    textStyle: '',
    children: [textNode(text)],
  }
}

function uploadNode(mediaId: number | string, index: number): LexicalNode {
  return {
    type: 'upload',
    relationTo: 'media',
    value: mediaId,
    fields: null,
    format: '',
    version: 3,
    id: `seed-upload-${index}`,
  }
}

/** Paragraphs, with an optional image from the media library after the first one. */
export function richTextFromParagraphs(
  paragraphs: string[],
  imageId?: number | string,
): { root: LexicalNode } {
  const children = paragraphs.map(paragraph)
  if (imageId != null) children.splice(1, 0, uploadNode(imageId, 1))
  return { root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children } }
}
