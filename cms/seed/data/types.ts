/** Shapes of the demo content. Pure data: the seed script turns these into Payload documents. */
import type { NewsCategory, LectureSeries, BookLocation } from '../../../shared/vocabulary'

export interface SeedNews {
  title: string
  /** 60–120 characters. */
  summary: string
  category: NewsCategory
  tags: string[]
  /** ISO date, e.g. '2023-06-28'. */
  publishedAt: string
  /** 3–6 paragraphs of plain text. */
  paragraphs: string[]
  /** A few items are left as drafts to show the workflow. */
  status: 'published' | 'draft'
}

export interface SeedExhibitionSection {
  key: string
  title: string
  intro: string
}

export interface SeedExhibition {
  title: string
  intro: string
  venue: string
  openedAt: string
  sections: SeedExhibitionSection[]
}

export interface SeedExhibit {
  title: string
  sectionKey: string
  year: number
  /** Full ISO date when the event has a known day. */
  date?: string
  /** One sentence shown under the exhibit. */
  caption: string
  /** 2–4 paragraphs. */
  paragraphs: string[]
  /** 1–3 captions, one per generated image. */
  imageCaptions: string[]
}

export interface SeedSpeaker {
  key: string
  name: string
  /** 职务/单位 */
  title: string
  bio: string
}

export interface SeedLecture {
  title: string
  series: LectureSeries
  episode: number
  speakerKey: string
  /** ISO date */
  date: string
  durationMinutes: number
  summary: string
  /** start as 'mm:ss' or 'h:mm:ss', increasing, first '00:00' */
  chapters: { start: string; title: string }[]
  /** Paragraphs of the transcript. */
  transcript: string[]
  tags: string[]
}

export interface SeedBook {
  title: string
  subtitle?: string
  authors: string[]
  publisher: string
  year: number
  /** 中图法分类号, e.g. 'D26'. */
  clc: string
  subjects: string[]
  summary: string
  location: BookLocation
  copies: number
  available: number
}
