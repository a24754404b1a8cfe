import { ref } from 'vue'
import type { Question } from '@shared/library.ts'
import { call } from '../api/client.ts'
import { definePersonalStore } from './personalData.ts'

/** What addFromGuide reports: how many were new, and how many were on the list already. */
export interface QuestionsAdded {
  added: number
  skipped: number
  list: Question[]
}

/**
 * A person's own list of questions for their care team, many of them added from the guides.
 * Holds the list of the person on screen. Personal data: emptied whenever the vault locks.
 */
export const useQuestionsStore = definePersonalStore('questions', () => {
  const profileId = ref<string | null>(null)
  const questions = ref<Question[]>([])
  const loaded = ref(false)

  /** Keeps an answer only if it is about the person on screen. */
  function accept(forProfile: string, list: Question[]): Question[] {
    if (forProfile === profileId.value) {
      questions.value = list
      loaded.value = true
    }
    return list
  }

  async function load(forProfile: string): Promise<Question[]> {
    if (profileId.value !== forProfile) {
      questions.value = []
      loaded.value = false
    }
    profileId.value = forProfile
    return accept(forProfile, await call('questions.list', { profileId: forProfile }))
  }

  /**
   * Adds questions to anyone's list (the core skips those already on it, whatever their case)
   * and says how many were new.
   */
  async function add(
    forProfile: string,
    texts: string[],
    from: { guideId: string | null; sectionId: string | null } = { guideId: null, sectionId: null }
  ): Promise<QuestionsAdded> {
    const before = new Set(
      (await call('questions.list', { profileId: forProfile })).map((q) => q.id)
    )
    const list = await call('questions.add', { profileId: forProfile, questions: texts, ...from })
    accept(forProfile, list)
    const added = list.filter((q) => !before.has(q.id)).length
    return { added, skipped: texts.length - added, list }
  }

  async function remove(id: string): Promise<void> {
    const forProfile = profileId.value
    if (!forProfile) return
    accept(forProfile, await call('questions.remove', { profileId: forProfile, id }))
  }

  function reset(): void {
    profileId.value = null
    questions.value = []
    loaded.value = false
  }

  return { profileId, questions, loaded, load, add, remove, reset }
})
