import { buildContentIndex, type ContentIndex } from '../src/cms/buildContentIndex'
import { readSiteContent } from '../src/cms/readSiteContent'

let index: Promise<ContentIndex> | undefined

/** The export's content index, built once per build for the integrations that read it. */
export function buildTimeIndex(): Promise<ContentIndex> {
  index ??= readSiteContent().then((content) => buildContentIndex(content))
  return index
}
