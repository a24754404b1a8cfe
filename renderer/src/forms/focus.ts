import { nextTick, type Ref } from 'vue'

/** A field with a message (aria-invalid), or a form's problem that belongs to no one field. */
const PROBLEM = '[aria-invalid="true"], .form-problem'
const CONTROL = 'input:not([type="hidden"]), select, textarea, button'

/** True when nothing on the page has focus: what had it was taken away (swapped, closed). */
export function focusLost(): boolean {
  const active = document.activeElement
  return !active || active === document.body || !active.isConnected
}

function focusOn(element: HTMLElement): void {
  // A group (fieldset) cannot take focus itself: its first control does.
  const target = element.matches(`${CONTROL}, [tabindex]`)
    ? element
    : (element.querySelector<HTMLElement>(CONTROL) ?? element)
  target.focus()
}

/** Once the page has caught up, focuses the first of `selectors` found in `root`. */
export async function focusFirst(
  root: ParentNode | null | undefined,
  ...selectors: string[]
): Promise<boolean> {
  await nextTick()
  for (const selector of selectors) {
    const found = root?.querySelector<HTMLElement>(selector)
    if (found) {
      focusOn(found)
      return true
    }
  }
  return false
}

/**
 * Puts the cursor in the first field with a message (the first control of a group), or on the
 * form's own problem: after a refused save, the way to what needs another look.
 */
export function focusProblem(root: ParentNode | null | undefined): Promise<boolean> {
  return focusFirst(root, PROBLEM)
}

/**
 * After a change that may have taken the focused element away (Save swapped for Done, a button
 * swapped for another, a form closed): if focus fell to the page, it goes to the first of
 * `selectors` found, so the keyboard stays where the person was working.
 */
export async function refocusIfLost(
  root: ParentNode | null | undefined,
  ...selectors: string[]
): Promise<boolean> {
  await nextTick()
  return focusLost() ? focusFirst(root, ...selectors) : false
}

/**
 * A modal dialog's way in and out for the keyboard: opened, the cursor goes to its first
 * field; closed by any means (its Close, Esc, the end of its job), the keyboard goes back to
 * whatever opened it.
 */
export function useDialogFocus(dialog: Readonly<Ref<HTMLDialogElement | null>>) {
  let opener: HTMLElement | null = null

  async function open(): Promise<void> {
    const active = document.activeElement
    opener = active instanceof HTMLElement && active !== document.body ? active : null
    dialog.value?.showModal()
    await focusFirst(dialog.value, 'input:not([disabled]), select, textarea, button')
  }

  /** For the dialog's close event. */
  function closed(): void {
    const back = opener
    opener = null
    if (back?.isConnected) back.focus()
  }

  return { open, closed }
}
