/**
 * Which guide section a plan item links to. A rule lists sections from several guides (the
 * childhood ALL guide, the adult one, the breast cancer one…), best first; the person should land
 * in the guide written for them, so the first link whose guide fits their diagnosis wins.
 */
import type { GuideLink } from '../../shared/careplan.ts'
import { ageInYears } from '../record/dates.ts'
import type { RuleGuideLink } from './content.ts'
import type { Facts } from './facts.ts'

const ALL_CONDITIONS = new Set(['b-cell-all', 't-cell-all', 'ph-positive-all'])

/**
 * The childhood ALL guide is written for families of children and teenagers, so it fits people
 * first diagnosed before 18. (Not the care-plan rules' own age limit: that is about which
 * follow-up guidelines apply, this is about who a guide speaks to.)
 */
export const CHILDHOOD_GUIDE_AGE_LIMIT = 18

/** The guides written for this person, from their diagnoses and their age at first diagnosis. */
export function fittingGuides(
  facts: Pick<Facts, 'conditions' | 'dateOfBirth' | 'firstDiagnosedOn'>
): Set<string> {
  const fit = new Set<string>()
  if (facts.conditions.some((c) => ALL_CONDITIONS.has(c))) {
    const age =
      facts.dateOfBirth && facts.firstDiagnosedOn
        ? ageInYears(facts.dateOfBirth, facts.firstDiagnosedOn)
        : null
    // Age unknown: both ALL guides fit and the rule's order decides, as the plan assumes the
    // childhood guidelines apply when it cannot tell.
    if (age === null || age < CHILDHOOD_GUIDE_AGE_LIMIT) fit.add('childhood-all')
    if (age === null || age >= CHILDHOOD_GUIDE_AGE_LIMIT) fit.add('adult-all')
    // The record does not say whether ALL came back, and the relapse guide speaks to children
    // and adults alike, so it fits anyone with ALL.
    fit.add('relapsed-all')
  }
  if (facts.conditions.includes('breast-cancer')) fit.add('metastatic-breast-cancer')
  return fit
}

/**
 * The first of a rule's links (in the rule's order of preference) whose guide fits the person;
 * when none fits (another cancer, or no diagnosis recorded) still the first link, since the
 * section explains the topic even if the guide was written for someone else. Null without links.
 */
export function chooseGuideLink(
  links: readonly RuleGuideLink[],
  facts: Pick<Facts, 'conditions' | 'dateOfBirth' | 'firstDiagnosedOn'>
): GuideLink | null {
  const fit = fittingGuides(facts)
  const chosen = links.find((l) => fit.has(l.guide)) ?? links[0]
  return chosen ? { guideId: chosen.guide, sectionId: chosen.section } : null
}
