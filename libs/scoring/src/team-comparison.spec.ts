import {
  TEAM_COMPARISON_MIN_EVALUATIONS,
  TEAM_COMPARISON_MIN_OTHER_AGENTS,
  teamComparisonSuppressed,
} from './team-comparison.js';

describe('team comparison shown to an agent: minimum group', () => {
  it('needs 5 evaluations of 3 other agents', () => {
    expect(TEAM_COMPARISON_MIN_EVALUATIONS).toBe(5);
    expect(TEAM_COMPARISON_MIN_OTHER_AGENTS).toBe(3);
  });

  it.each<[string, string[], boolean]>([
    ['nobody', [], true],
    ['one colleague’s evaluation', ['b'], true],
    ['the agent’s own evaluations only', ['me', 'me', 'me', 'me', 'me', 'me'], true],
    ['five evaluations of two colleagues', ['b', 'b', 'b', 'c', 'c'], true],
    ['four evaluations of four colleagues', ['b', 'c', 'd', 'e'], true],
    ['four of colleagues plus the agent’s own', ['b', 'c', 'd', 'e', 'me', 'me'], true],
    ['five evaluations of three colleagues', ['b', 'b', 'c', 'c', 'd'], false],
    ['five of three colleagues and the agent’s own', ['me', 'b', 'b', 'c', 'c', 'd'], false],
    ['many of many', ['b', 'c', 'd', 'e', 'f', 'g', 'me'], false],
  ])('%s', (_, agents, suppressed) => {
    expect(teamComparisonSuppressed('me', agents)).toBe(suppressed);
  });
});
