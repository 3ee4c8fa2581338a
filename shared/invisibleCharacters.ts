/**
 * Bidirectional controls (U+202A–202E, U+2066–2069, marks), zero-width and other invisible format
 * characters, and control characters: what an upload's name or a row's title shown to an editor
 * must not carry (they hide or reorder the text around them).
 */
const invisibleOrControl =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g

/** `text` without invisible and control characters. */
export function withoutInvisible(text: string): string {
  return text.replace(invisibleOrControl, '')
}
