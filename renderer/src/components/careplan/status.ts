import { inject, markRaw, onMounted, onUnmounted, provide, reactive, type InjectionKey } from 'vue'

/** A second chance offered beside a message: Undo, Put it back. */
export interface StatusAction {
  label: string
  /** Names what it acts on, for screen readers ("Undo dismissing Echocardiogram"). */
  name: string
  run: () => Promise<void>
}

export interface CarePlanStatus {
  message: string
  problem: boolean
  action: StatusAction | null
  /** Bumped on every announcement, so the region can move focus to a new action. */
  serial: number
}

export interface CarePlanAnnouncer {
  readonly id: number
  state: CarePlanStatus
  say(message: string, action?: StatusAction | null): void
  fail(message: string): void
  clear(): void
  /** Whether this is the message said last on the page (older ones are no longer shown). */
  isCurrent(): boolean
  /**
   * Says something beside one item: in its card if it is on the page, or as soon as its card
   * appears (an item just added, or restored from the Dismissed list).
   */
  sayAt(itemKey: string, message: string): void
}

interface Hub {
  current: number
  /** The status line of each item card on the page. */
  cards: Map<string, CarePlanAnnouncer>
  /** Messages for items whose card has not appeared yet. */
  waiting: Map<string, string>
}

const HUB: InjectionKey<Hub> = Symbol('careplan-status-hub')
const ANNOUNCER: InjectionKey<CarePlanAnnouncer> = Symbol('careplan-status')
let counter = 0

/**
 * What was just done, said right where it was done: each item card, group and panel of the
 * care plan page has its own status line, and only the latest message on the page is shown.
 * Nothing floats over the page, so nothing is ever hidden under a message.
 */
export function provideCarePlanStatus(itemKey?: string): CarePlanAnnouncer {
  let hub = inject(HUB, null)
  if (!hub) {
    hub = reactive<Hub>({ current: 0, cards: new Map(), waiting: new Map() }) as Hub
    provide(HUB, hub)
  }
  const shared = hub
  const id = ++counter
  const state = reactive<CarePlanStatus>({ message: '', problem: false, action: null, serial: 0 })
  const announcer: CarePlanAnnouncer = {
    id,
    state,
    say(message, action = null) {
      state.message = message
      state.problem = false
      state.action = action
      state.serial += 1
      shared.current = id
    },
    fail(message) {
      state.message = message
      state.problem = true
      state.action = null
      state.serial += 1
      shared.current = id
    },
    clear() {
      state.message = ''
      state.problem = false
      state.action = null
    },
    isCurrent: () => shared.current === id,
    sayAt(key, message) {
      const card = shared.cards.get(key)
      if (card) card.say(message)
      else shared.waiting.set(key, message)
    }
  }
  if (itemKey) {
    shared.cards.set(itemKey, markRaw(announcer))
    onMounted(() => {
      const message = shared.waiting.get(itemKey)
      shared.waiting.delete(itemKey)
      if (message) announcer.say(message)
    })
    onUnmounted(() => {
      if (shared.cards.get(itemKey) === announcer) shared.cards.delete(itemKey)
    })
  }
  provide(ANNOUNCER, announcer)
  return announcer
}

/** The status line of the nearest card, group or panel around the calling component. */
export function useCarePlanStatus(): CarePlanAnnouncer {
  const announcer = inject(ANNOUNCER, null)
  if (!announcer) throw new Error('A care plan part must sit inside the care plan page.')
  return announcer
}
