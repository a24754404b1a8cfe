import { ref } from 'vue'
import type { MethodInput } from '@shared/contract.ts'
import type { CarePlan, Responsible } from '@shared/careplan.ts'
import { call } from '../api/client.ts'
import { definePersonalStore } from './personalData.ts'

/** What saveOwnItem needs besides the person: the item as the form holds it. */
export type OwnItemInput = Omit<MethodInput<'careplan.saveOwnItem'>, 'profileId'>

/**
 * The survivorship care plan of the person being looked at, exactly as the core last computed
 * it. Every change goes to the core, which answers with the whole plan again; that answer
 * replaces what is here, so the page never shows a half-updated plan.
 * Personal data: emptied whenever the vault locks.
 */
export const useCarePlanStore = definePersonalStore('carePlan', () => {
  const profileId = ref<string | null>(null)
  const plan = ref<CarePlan | null>(null)

  /** Keeps an answer only if it is still about the person on screen. */
  function accept(next: CarePlan): CarePlan {
    if (next.profileId === profileId.value) plan.value = next
    return next
  }

  function current(): string {
    if (!profileId.value) throw new Error('No care plan is open.')
    return profileId.value
  }

  async function load(forProfile: string): Promise<CarePlan> {
    if (profileId.value !== forProfile) plan.value = null
    profileId.value = forProfile
    return accept(await call('careplan.get', { profileId: forProfile }))
  }

  /** `doneOn: null`: done, on a date nobody knows. */
  async function markDone(itemKey: string, doneOn: string | null, note: string | null) {
    return accept(await call('careplan.markDone', { profileId: current(), itemKey, doneOn, note }))
  }

  async function undoDone(completionId: string) {
    return accept(await call('careplan.undoDone', { profileId: current(), completionId }))
  }

  /** `until: null` ends the snooze. */
  async function snooze(itemKey: string, until: string | null) {
    return accept(await call('careplan.snooze', { profileId: current(), itemKey, until }))
  }

  async function dismiss(itemKey: string, reason: string) {
    return accept(await call('careplan.dismiss', { profileId: current(), itemKey, reason }))
  }

  async function restore(itemKey: string) {
    return accept(await call('careplan.restore', { profileId: current(), itemKey }))
  }

  /** `responsible: null` goes back to the rule's suggestion. */
  async function setResponsible(itemKey: string, responsible: Responsible | null) {
    return accept(
      await call('careplan.setResponsible', { profileId: current(), itemKey, responsible })
    )
  }

  async function saveOwnItem(item: OwnItemInput) {
    return accept(await call('careplan.saveOwnItem', { ...item, profileId: current() }))
  }

  async function deleteOwnItem(id: string) {
    return accept(await call('careplan.deleteOwnItem', { profileId: current(), id }))
  }

  async function addReview(reviewedWith: string, reviewedOn: string, note: string | null) {
    return accept(
      await call('careplan.addReview', { profileId: current(), reviewedWith, reviewedOn, note })
    )
  }

  async function deleteReview(id: string) {
    return accept(await call('careplan.deleteReview', { profileId: current(), id }))
  }

  async function acknowledgeChanges() {
    return accept(await call('careplan.acknowledgeChanges', { profileId: current() }))
  }

  function reset(): void {
    profileId.value = null
    plan.value = null
  }

  return {
    profileId,
    plan,
    load,
    markDone,
    undoDone,
    snooze,
    dismiss,
    restore,
    setResponsible,
    saveOwnItem,
    deleteOwnItem,
    addReview,
    deleteReview,
    acknowledgeChanges,
    reset
  }
})
