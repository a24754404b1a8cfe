/**
 * Queries for what a person keeps while reading: bookmarks, the last position in each guide,
 * and the questions collected for a person's care team. Database first, bound parameters only.
 */
import { randomUUID } from 'node:crypto'
import type { Bookmark, Question, ReadingPosition } from '../../shared/library.ts'
import { CoreError } from '../errors.ts'
import type { Db } from '../vault/database.ts'

const now = () => new Date().toISOString()

export function listBookmarks(db: Db): Bookmark[] {
  return (
    db
      .prepare(
        'SELECT id, guide_id, section_id, label, created_at FROM bookmarks ORDER BY created_at DESC'
      )
      .all() as {
      id: string
      guide_id: string
      section_id: string
      label: string
      created_at: string
    }[]
  ).map((r) => ({
    id: r.id,
    guideId: r.guide_id,
    sectionId: r.section_id,
    label: r.label,
    createdAt: r.created_at
  }))
}

/** A section is bookmarked once; bookmarking it again renames the bookmark. */
export function addBookmark(
  db: Db,
  bookmark: { guideId: string; sectionId: string; label: string }
): void {
  db.prepare(
    `INSERT INTO bookmarks (id, guide_id, section_id, label, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (guide_id, section_id) DO UPDATE SET label = excluded.label`
  ).run(randomUUID(), bookmark.guideId, bookmark.sectionId, bookmark.label, now())
}

export function removeBookmark(db: Db, id: string): void {
  if (db.prepare('DELETE FROM bookmarks WHERE id = ?').run(id).changes === 0) {
    throw new CoreError('NOT_FOUND', 'That bookmark is not there any more.')
  }
}

export function getPosition(db: Db, guideId: string): ReadingPosition | null {
  const row = db
    .prepare('SELECT guide_id, section_id, updated_at FROM reading_positions WHERE guide_id = ?')
    .get(guideId) as { guide_id: string; section_id: string; updated_at: string } | undefined
  return row
    ? { guideId: row.guide_id, sectionId: row.section_id, updatedAt: row.updated_at }
    : null
}

export function setPosition(db: Db, guideId: string, sectionId: string): void {
  db.prepare(
    `INSERT INTO reading_positions (guide_id, section_id, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (guide_id) DO UPDATE SET section_id = excluded.section_id, updated_at = excluded.updated_at`
  ).run(guideId, sectionId, now())
}

export function listQuestions(db: Db, profileId: string): Question[] {
  return (
    db
      .prepare(
        `SELECT id, profile_id, text, guide_id, section_id, created_at FROM questions
         WHERE profile_id = ? ORDER BY created_at, rowid`
      )
      .all(profileId) as {
      id: string
      profile_id: string
      text: string
      guide_id: string | null
      section_id: string | null
      created_at: string
    }[]
  ).map((r) => ({
    id: r.id,
    profileId: r.profile_id,
    text: r.text,
    guideId: r.guide_id,
    sectionId: r.section_id,
    createdAt: r.created_at
  }))
}

/** Adds the questions not already on the person's list (same words, ignoring case). */
export function addQuestions(
  db: Db,
  profileId: string,
  questions: string[],
  from: { guideId: string | null; sectionId: string | null }
): number {
  const existing = new Set(listQuestions(db, profileId).map((q) => q.text.toLowerCase()))
  const insert = db.prepare(
    `INSERT INTO questions (id, profile_id, text, guide_id, section_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`
  )
  let added = 0
  for (const text of questions) {
    if (existing.has(text.toLowerCase())) continue
    existing.add(text.toLowerCase())
    insert.run(randomUUID(), profileId, text, from.guideId, from.sectionId, now())
    added++
  }
  return added
}

export function removeQuestion(db: Db, profileId: string, id: string): void {
  const result = db
    .prepare('DELETE FROM questions WHERE id = ? AND profile_id = ?')
    .run(id, profileId)
  if (result.changes === 0) throw new CoreError('NOT_FOUND', 'That question is not on the list.')
}
