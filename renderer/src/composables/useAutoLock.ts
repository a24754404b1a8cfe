import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue'

/** What counts as someone using Lantern. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'focus'] as const

/** The core hears of activity at most this often (it needs minutes, not keystrokes). */
export const ACTIVITY_REPORT_INTERVAL_MS = 15_000

/** How often the page asks whether the core locked the vault by itself (sleep, screen lock). */
export const LOCK_CHECK_INTERVAL_MS = 15_000

export interface AutoLockHandlers {
  /** `minutes` passed without activity: save what is typed and lock. */
  onIdle: () => void
  /** Tell the core someone is here; its own inactivity timer counts from its latest report. */
  onActivity: () => void
  /** Ask the core whether the vault is still open. */
  onCheck: () => void
}

/**
 * The page's half of the inactivity lock, while the calling component is mounted. The core
 * owns the lock (electron/core/autoLock.ts) and locks a few seconds after this page would, so
 * a page that is alive always locks first, keeping unsaved typing as drafts.
 *
 * Activity only records the time; a single timer checks the clock when it fires and sleeps
 * again for whatever is left. Built on setTimeout and Date, so Playwright's page.clock can
 * fast-forward it. Reports to the core go at once after a quiet spell, then at most one per
 * interval, always sent after the activity they cover: the core's last report is never
 * older than the page's last activity, so the core never locks before the page.
 */
export function useAutoLock(minutes: Readonly<Ref<number>>, handlers: AutoLockHandlers): void {
  let lastActivity = Date.now()
  let lastReport = Number.NEGATIVE_INFINITY
  let timer: ReturnType<typeof setTimeout> | undefined
  let reportTimer: ReturnType<typeof setTimeout> | undefined
  let checkTimer: ReturnType<typeof setInterval> | undefined
  let done = false

  const report = () => {
    reportTimer = undefined
    if (done) return
    lastReport = Date.now()
    handlers.onActivity()
  }

  const noteActivity = () => {
    lastActivity = Date.now()
    if (reportTimer !== undefined) return
    const wait = lastReport + ACTIVITY_REPORT_INTERVAL_MS - Date.now()
    if (wait <= 0) report()
    else reportTimer = setTimeout(report, wait)
  }

  const check = () => {
    clearTimeout(timer)
    if (done) return
    const remaining = lastActivity + minutes.value * 60_000 - Date.now()
    if (remaining <= 0) {
      done = true
      handlers.onIdle()
      return
    }
    timer = setTimeout(check, remaining)
  }

  const checkWhenShown = () => {
    if (document.visibilityState === 'visible') handlers.onCheck()
  }

  onMounted(() => {
    lastActivity = Date.now()
    for (const type of ACTIVITY_EVENTS) {
      window.addEventListener(type, noteActivity, { capture: true, passive: true })
    }
    document.addEventListener('visibilitychange', checkWhenShown)
    checkTimer = setInterval(handlers.onCheck, LOCK_CHECK_INTERVAL_MS)
    check()
  })

  watch(minutes, check)

  onBeforeUnmount(() => {
    done = true
    clearTimeout(timer)
    clearTimeout(reportTimer)
    clearInterval(checkTimer)
    for (const type of ACTIVITY_EVENTS) {
      window.removeEventListener(type, noteActivity, { capture: true })
    }
    document.removeEventListener('visibilitychange', checkWhenShown)
  })
}
