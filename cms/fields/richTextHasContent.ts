/** True when a Lexical value holds any text, image or other node beyond empty paragraphs. */
export function richTextHasContent(value: unknown): boolean {
  const root = (value as { root?: { children?: unknown[] } } | null | undefined)?.root
  const visit = (node: unknown): boolean => {
    if (!node || typeof node !== 'object') return false
    const { type, text, children } = node as { type?: string; text?: string; children?: unknown[] }
    if (typeof text === 'string' && text.trim()) return true
    if (
      type &&
      !['root', 'paragraph', 'text', 'linebreak', 'heading', 'quote', 'list', 'listitem'].includes(
        type,
      )
    )
      return true
    return Array.isArray(children) && children.some(visit)
  }
  return visit(root)
}
