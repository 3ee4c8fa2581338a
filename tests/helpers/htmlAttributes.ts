/**
 * Every element's attributes in an HTML string, reading quoted values as values (so text such as
 * `alt="&quot; onerror=…"` is not mistaken for an attribute). Enough for checking our own output.
 */
export function elementAttributes(
  html: string,
): { tag: string; attributes: Map<string, string> }[] {
  const elements: { tag: string; attributes: Map<string, string> }[] = []
  const tagPattern =
    /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g
  const attributePattern = /([^\s"'>/=]+)(?:\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g
  for (const [, tag, rest] of html.matchAll(tagPattern)) {
    const attributes = new Map<string, string>()
    for (const match of rest.matchAll(attributePattern))
      attributes.set(match[1].toLowerCase(), match[3] ?? match[4] ?? match[5] ?? '')
    elements.push({ tag: tag.toLowerCase(), attributes })
  }
  return elements
}

/** Attributes that would run script: event handlers, and URLs with a script scheme. */
export function scriptingAttributes(html: string): string[] {
  const found: string[] = []
  for (const { tag, attributes } of elementAttributes(html)) {
    for (const [name, value] of attributes) {
      const decoded = value
        .replace(/&#x?[0-9a-f]+;|&\w+;/gi, '')
        .replace(/\s/g, '')
        .toLowerCase()
      if (name.startsWith('on') || /^(javascript|vbscript|data:text\/html)/.test(decoded))
        found.push(`<${tag} ${name}="${value}">`)
    }
  }
  return found
}
