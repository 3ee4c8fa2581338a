/**
 * Each lecture's timeline files beside its page, made from its chapters, captions and transcript
 * (shared/lectureTimeline.ts): the player's chapter and caption tracks, and the chapters and
 * transcript the podcast feed points to (the site search reads `transcript.json` too). Only
 * lectures with a recording have them, and only the files that would not be empty.
 */
import {
  captionsTrackVtt,
  chaptersJson,
  chaptersVtt,
  timedCaptions,
  timedChapters,
  transcriptCues,
  transcriptJson,
  transcriptVtt,
} from '../../../shared/lectureTimeline'
import type { LectureEntry } from '../../../shared/siteContent'
import type { ContentIndex } from '../cms/buildContentIndex'
import { lectureFileUrl, type LectureFileName } from '../lib/urls'

export interface LectureFileProps {
  lecture: LectureEntry
  name: LectureFileName
}

const vtt = 'text/vtt; charset=utf-8'
const json = 'application/json; charset=utf-8'

const renderers: Record<
  LectureFileName,
  { contentType: string; render: (lecture: LectureEntry) => string }
> = {
  'chapters.json': { contentType: json, render: chaptersJson },
  'chapters.vtt': { contentType: vtt, render: chaptersVtt },
  'captions.vtt': { contentType: vtt, render: captionsTrackVtt },
  'transcript.vtt': { contentType: vtt, render: transcriptVtt },
  'transcript.json': { contentType: json, render: transcriptJson },
}

/** The timeline files one lecture has. */
export function lectureFileNames(lecture: LectureEntry): LectureFileName[] {
  if (!lecture.recording) return []
  const names: LectureFileName[] = []
  if (timedChapters(lecture).length) names.push('chapters.json', 'chapters.vtt')
  if (timedCaptions(lecture).length) names.push('captions.vtt')
  if (transcriptCues(lecture).length) names.push('transcript.vtt', 'transcript.json')
  return names
}

/** Every lecture's timeline files, as routes of the `lectureFiles` family (see generatedFiles). */
export function lectureFileRoutes(content: ContentIndex) {
  return content.lectures.flatMap((lecture) =>
    lectureFileNames(lecture).map((name) => ({
      path: lectureFileUrl(lecture.slug, name),
      props: { lecture, name } satisfies LectureFileProps,
    })),
  )
}

export const lectureFileContentType = (name: LectureFileName) => renderers[name].contentType

export const renderLectureFile = ({ lecture, name }: LectureFileProps): string =>
  renderers[name].render(lecture)
