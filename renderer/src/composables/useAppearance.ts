import { watchEffect } from 'vue'
import { useSettingsStore } from '../stores/settings.ts'

/**
 * Applies the person's theme and guide text size to the whole page, as attributes on <html>
 * that global.css reads: data-theme (absent for "system": the computer's setting decides) and
 * data-text-size. Settings live in the vault, so they are known only while it is unlocked; the
 * last choice stays applied through a lock, so the unlock screen does not flash another theme.
 */
export function useAppearance(): void {
  const settings = useSettingsStore()
  watchEffect(() => {
    const current = settings.settings
    if (!current) return
    const root = document.documentElement
    if (current.theme === 'system') delete root.dataset.theme
    else root.dataset.theme = current.theme
    if (current.textSize === 'normal') delete root.dataset.textSize
    else root.dataset.textSize = current.textSize
  })
}
