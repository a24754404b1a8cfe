/**
 * The drug catalog that ships with Lantern, imported as data so that every way the core runs
 * (the app bundle, the loopback bridge, the tests) reads the same file with no path to resolve.
 */
import catalogJson from '../../../content/drugs/catalog.json' with { type: 'json' }
import { type DrugCatalog, parseDrugCatalog } from './drugCatalog.ts'

let shipped: DrugCatalog | null = null

export function shippedDrugCatalog(): DrugCatalog {
  shipped ??= parseDrugCatalog(catalogJson)
  return shipped
}
