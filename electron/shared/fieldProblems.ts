/**
 * How a zod check's issues become the contract's `fields`: one path per problem ('dose',
 * 'schedule.end', 'allergies.0.substance') and the schema's own words. The core answers
 * INVALID_INPUT with these (dispatch.ts), and the renderer checks a form with the same schemas
 * before sending, through this same function, so a message reads the same from either side.
 */
export interface FieldProblem {
  path: string
  message: string
}

/** Zod's issues (`error.issues` of a failed safeParse) as the contract's field problems. */
export function fieldProblems(
  issues: readonly { path: readonly PropertyKey[]; message: string }[]
): FieldProblem[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
}
