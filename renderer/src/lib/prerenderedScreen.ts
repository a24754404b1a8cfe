/**
 * What a person may already have done on a screen the page was served with already drawn
 * (tools/build/prerenderFirstScreens.ts), in the moment before the app's code ran: typed into a
 * field, left the caret in one, clicked a button (held by renderer/public/boot.js, which notes
 * the button's place on the mount point). Mounting replaces that markup with the app's own
 * drawing of the same screen; this carries all of it across, so nothing done then is lost.
 */
export interface PrerenderedScreen {
  /**
   * Puts the values back into the fields with the same ids and the caret where it was, then
   * clicks the button that was clicked, now the app's: a submit goes ahead with what was typed.
   * Only when the app drew the screen that was drawn (`screenNow`, the session's): if the vault
   * changed meanwhile (made in another window), what was done on the other screen is dropped.
   */
  restore(screenNow: string): void
}

type TextField = HTMLInputElement | HTMLTextAreaElement

const NOT_TEXT = ['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'hidden']

const isTextField = (element: Element | null): element is TextField =>
  (element instanceof HTMLInputElement && !NOT_TEXT.includes(element.type)) ||
  element instanceof HTMLTextAreaElement

/** Read before mounting over `mountPoint`; `restore()` once the app has mounted. */
export function takeOverPrerenderedScreen(mountPoint: HTMLElement): PrerenderedScreen {
  const drawnScreen = mountPoint.dataset.prerendered
  const typed = new Map<string, string>()
  for (const field of mountPoint.querySelectorAll('input[id], textarea[id]')) {
    if (isTextField(field) && field.value !== '') typed.set(field.id, field.value)
  }
  const active = document.activeElement
  const caret =
    isTextField(active) && active.id !== '' && mountPoint.contains(active)
      ? { id: active.id, start: active.selectionStart, end: active.selectionEnd }
      : null
  const clicked = mountPoint.dataset.pendingClick
  delete mountPoint.dataset.pendingClick
  const clickedButton = clicked === undefined ? -1 : Number(clicked)

  return {
    restore(screenNow) {
      if (drawnScreen !== screenNow) return
      for (const [id, value] of typed) {
        const field = document.getElementById(id)
        if (!isTextField(field)) continue
        field.value = value
        // v-model listens for input events: the app's state takes the value as typed.
        field.dispatchEvent(new Event('input', { bubbles: true }))
      }
      const field = caret && document.getElementById(caret.id)
      if (caret && isTextField(field)) {
        // After the screen's own focus on mount (its heading): the person was in the field.
        field.focus()
        if (caret.start !== null && caret.end !== null) {
          field.setSelectionRange(caret.start, caret.end)
        }
      }
      // The same template drew both, so the button in the same place is the same button.
      if (clickedButton >= 0) mountPoint.querySelectorAll('button')[clickedButton]?.click()
    }
  }
}
