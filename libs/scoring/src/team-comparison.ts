/**
 * The smallest group whose figures an agent may see next to their own (docs/rubric.md §
 * "Team comparison"). Below it a narrow window would show one colleague's answers as "the
 * team's": a window around one evaluation's call time gives that evaluation's answers exactly.
 */
export const TEAM_COMPARISON_MIN_EVALUATIONS = 5;
export const TEAM_COMPARISON_MIN_OTHER_AGENTS = 3;

/**
 * Whether the team comparison shown to an agent must be withheld: it is shown only when the
 * window holds at least {@link TEAM_COMPARISON_MIN_EVALUATIONS} evaluations of the agent's
 * colleagues, made up of at least {@link TEAM_COMPARISON_MIN_OTHER_AGENTS} different colleagues.
 * The agent's own evaluations never count towards either minimum (they know their own answers).
 *
 * `evaluationAgentIds`: the agent of each evaluation the team figures are made of, one entry per
 * evaluation.
 */
export function teamComparisonSuppressed(agentId: string, evaluationAgentIds: readonly string[]): boolean {
  const others = evaluationAgentIds.filter((id) => id !== agentId);
  return others.length < TEAM_COMPARISON_MIN_EVALUATIONS || new Set(others).size < TEAM_COMPARISON_MIN_OTHER_AGENTS;
}
