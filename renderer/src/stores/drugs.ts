import { ref } from 'vue'
import type { DrugSummary } from '@shared/contract.ts'
import { call } from '../api/client.ts'
import { defineAppStore } from './personalData.ts'

/** Folds case and accents, so "Vincristine", "vincristine" and "VINCRISTINE" all match. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

export interface DrugMatch {
  drug: DrugSummary
  /** The other or brand name that matched, when the generic name did not. */
  matchedName: string | null
}

/** The drug catalog that ships with Lantern. Not personal data, but loaded only when unlocked. */
export const useDrugsStore = defineAppStore('drugs', () => {
  const drugs = ref<DrugSummary[]>([])
  const loaded = ref(false)
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    if (loaded.value) return Promise.resolve()
    loading ??= call('drugs.list')
      .then((list) => {
        drugs.value = [...list].sort((a, b) => a.genericName.localeCompare(b.genericName))
        loaded.value = true
      })
      .finally(() => {
        loading = null
      })
    return loading
  }

  function byId(id: string | null | undefined): DrugSummary | undefined {
    return id ? drugs.value.find((d) => d.id === id) : undefined
  }

  /** Generic names that start with the query first, then any name that contains it. */
  function search(query: string): DrugMatch[] {
    const q = fold(query.trim())
    if (!q) return drugs.value.map((drug) => ({ drug, matchedName: null }))
    const ranked: { match: DrugMatch; rank: number }[] = []
    for (const drug of drugs.value) {
      const generic = fold(drug.genericName)
      if (generic.startsWith(q)) {
        ranked.push({ match: { drug, matchedName: null }, rank: 0 })
        continue
      }
      const other = [...drug.otherNames, ...drug.brandNames].find((n) => fold(n).includes(q))
      if (generic.includes(q)) ranked.push({ match: { drug, matchedName: null }, rank: 1 })
      else if (other) ranked.push({ match: { drug, matchedName: other }, rank: 2 })
    }
    return ranked.sort((a, b) => a.rank - b.rank).map((r) => r.match)
  }

  function reset(): void {
    drugs.value = []
    loaded.value = false
  }

  return { drugs, loaded, load, byId, search, reset }
})
