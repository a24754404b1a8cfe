import { useCarePlanStore } from './carePlan.ts'
import { useDocumentsStore } from './documents.ts'
import { useDraftsStore } from './drafts.ts'
import { usePersonStore } from './person.ts'
import { useProfilesStore } from './profiles.ts'
import { useQuestionsStore } from './questions.ts'
import { useReadingStore } from './reading.ts'
import { useRecordStore } from './record.ts'
import { useSettingsStore } from './settings.ts'

/**
 * Empties every store that holds something from inside the vault. Called on every lock, so
 * nothing personal stays in the page behind the unlock screen. A new store that keeps
 * record data must be added here.
 */
export function clearPersonalData(): void {
  useProfilesStore().reset()
  useSettingsStore().reset()
  usePersonStore().reset()
  useRecordStore().reset()
  useDraftsStore().reset()
  useCarePlanStore().reset()
  useReadingStore().reset()
  useQuestionsStore().reset()
  useDocumentsStore().reset()
}
