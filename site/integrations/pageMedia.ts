import { collectMediaReferences } from '../../shared/siteFiles/mediaNames'

/** Files one build wrote with their media references already read, and those media names. */
export interface KnownPageMedia {
  files: Set<string>
  media: Set<string>
}

const byOutDir = new Map<string, KnownPageMedia>()

/**
 * The files of the build into `outDir` whose media references are known as they are written
 * (pagesOnWorkers: the render threads return them), so that copyUsedMedia reads only the other
 * files instead of scanning ~400 MB of pages again.
 */
export function knownPageMedia(outDir: string): KnownPageMedia {
  let known = byOutDir.get(outDir)
  if (!known) byOutDir.set(outDir, (known = { files: new Set(), media: new Set() }))
  return known
}

/** Records a written file and the media references in it (`/media/…` strings or whole texts). */
export function recordPageMedia(known: KnownPageMedia, file: string, references: string[]): void {
  known.files.add(file)
  for (const reference of references) collectMediaReferences(reference, known.media)
}
