/**
 * The care-plan rules and tables that ship with Lantern, imported as data (like the drug
 * catalog) so the app, the bridge and the tests all read the same file.
 */
import contentJson from '../../../content/careplan/rules.json' with { type: 'json' }
import { type CarePlanContent, parseCarePlanContent } from './content.ts'

let shipped: CarePlanContent | null = null

export function shippedCarePlanContent(): CarePlanContent {
  shipped ??= parseCarePlanContent(contentJson)
  return shipped
}
