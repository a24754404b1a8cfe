import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue'

/** What counts as someone using Lantern. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'focus'] as const

/**
 * Calls `onIdle` once after `minutes` without activity, while the calling component is
 * mounted. Activity only records the time; a single timer checks the clock when it fires and
 * sleeps again for whatever is left. Built on setTimeout and Date, so a computer waking from
 * sleep locks at once, and Playwright's page.clock can fast-forward it.
 */
export function useAutoLock(minutes: Readonly<Ref<number>>, onIdle: () => void): void {
  let lastActivity = Date.now()
  let timer: ReturnType<typeof setTimeout> | undefined
  let done = false

  const noteActivity = () => {
    lastActivity = Date.now()
  }

  const check = () => {
    clearTimeout(timer)
    if (done) return
    const remaining = lastActivity + minutes.value * 60_000 - Date.now()
    if (remaining <= 0) {
      done = true
      onIdle()
      return
    }
    timer = setTimeout(check, remaining)
  }

  onMounted(() => {
    lastActivity = Date.now()
    for (const type of ACTIVITY_EVENTS) {
      window.addEventListener(type, noteActivity, { capture: true, passive: true })
    }
    check()
  })

  watch(minutes, check)

  onBeforeUnmount(() => {
    done = true
    clearTimeout(timer)
    for (const type of ACTIVITY_EVENTS) {
      window.removeEventListener(type, noteActivity, { capture: true })
    }
  })
}
