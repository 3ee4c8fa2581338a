/** The parts of `webvtt-parser` (W3C's WebVTT validator; no types of its own) the tests use. */
declare module 'webvtt-parser' {
  export interface WebVTTCue {
    id: string
    startTime: number
    endTime: number
    text: string
  }
  export interface WebVTTError {
    message: string
    line: number
    col: number
  }
  export class WebVTTParser {
    parse(
      input: string,
      mode?: 'subtitles' | 'chapters' | 'metadata',
    ): { cues: WebVTTCue[]; errors: WebVTTError[]; regions: unknown[] }
  }
  /** CommonJS: Node's ESM loader (Playwright) sees only the default export. */
  const webvtt: { WebVTTParser: typeof WebVTTParser }
  export default webvtt
}
