/**
 * A tiny typed i18n: t('people.added', { name }) looks a message up in the current catalogue
 * and fills in `{name}`. Keys are checked by the compiler, so a typo does not reach a user.
 *
 * It is deliberately not vue-i18n: that library compiles messages at runtime with eval,
 * which Lantern's Content-Security-Policy forbids.
 */
import { ref } from 'vue'
import { en } from './en.ts'

/** A message that depends on a number: chosen with Intl.PluralRules on `params.count`. */
export interface Plural {
  one: string
  other: string
}

type Leaf = string | Plural

/** Every catalogue has exactly the shape of the English one. */
export type Messages = typeof en

/** 'people.added' | 'unlock.lockedAfter' | …: every path to a message. */
type KeysOf<T> = {
  [K in keyof T & string]: T[K] extends Leaf ? K : `${K}.${KeysOf<T[K]>}`
}[keyof T & string]

export type MessageKey = KeysOf<Messages>
export type MessageParams = Record<string, string | number>

export type Locale = 'en'
const catalogues: Record<Locale, Messages> = { en }

const locale = ref<Locale>('en')

export function currentLocale(): Locale {
  return locale.value
}

export function setLocale(next: Locale): void {
  locale.value = next
  document.documentElement.lang = next
}

function lookup(messages: Messages, key: string): Leaf | undefined {
  let node: unknown = messages
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  if (typeof node === 'string') return node
  if (typeof node === 'object' && node !== null && 'other' in node) return node as Plural
  return undefined
}

function interpolate(template: string, params: MessageParams | undefined): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole
  )
}

/** The message for `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params?: MessageParams): string {
  const current = locale.value
  const leaf = lookup(catalogues[current], key) ?? lookup(en, key)
  if (leaf === undefined) return key
  if (typeof leaf === 'string') return interpolate(leaf, params)
  const count = Number(params?.count ?? 0)
  const form = new Intl.PluralRules(current).select(count) === 'one' ? leaf.one : leaf.other
  return interpolate(form, params)
}
