import type { FieldHook } from 'payload'
import { ValidationError } from 'payload'
import { normaliseCaptions } from '../../../../shared/captions'
import { parseTranscript } from '../../../../shared/lectureTimeline'

const refuse = (req: Parameters<FieldHook>[0]['req'], path: string, message: string): never => {
  throw new ValidationError({ collection: 'lectures', errors: [{ path, message }] }, req.t)
}

/**
 * The captions upload, on every save (drafts and autosaves too, through REST, GraphQL and the
 * admin): WebVTT or SRT, stored as WebVTT (an SRT file is converted here); malformed timing is a
 * 400 naming the line.
 */
export const normaliseCaptionsField: FieldHook = ({ value, req }) => {
  if (typeof value !== 'string') return value
  const result = normaliseCaptions(value)
  return result.ok ? result.vtt : refuse(req, 'captions', result.message)
}

/** A transcript with `[mm:ss]` lines needs well-formed, increasing times (it becomes segments). */
export const checkTranscriptTimes: FieldHook = ({ value, req }) => {
  if (typeof value !== 'string') return value
  const parsed = parseTranscript(value)
  if (!parsed.ok) refuse(req, 'transcript', parsed.message)
  return value
}
