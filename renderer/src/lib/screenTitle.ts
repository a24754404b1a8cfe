import type { MessageKey } from '../i18n/index.ts'
import type { Screen } from '../stores/session.ts'

/**
 * The screens a page can be served already drawn (tools/build/prerenderFirstScreens.ts): the two
 * a person meets before the vault is open. The others depend on the open vault or are rare.
 */
export type PrerenderedScreen = 'first-run' | 'locked'

const SCREEN_TITLES: Partial<Record<Screen, MessageKey>> = {
  'first-run': 'title.firstRun',
  'recovery-code': 'title.recoveryCode',
  locked: 'title.locked'
}

/**
 * The window title of a whole screen outside the open vault ("Unlock your vault — Lantern"), or
 * of a page of the open vault from `parts` (usePageTitle.ts). One function, so the title the
 * page is served with and the one the app sets cannot differ.
 */
export function screenTitle(
  screen: Screen,
  t: (key: MessageKey) => string,
  parts: string[] | null = null
): string {
  const key = SCREEN_TITLES[screen]
  const named = screen === 'unlocked' ? (parts ?? []) : key ? [t(key)] : []
  return [...named, t('app.name')].join(' — ')
}
