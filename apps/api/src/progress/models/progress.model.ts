import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CriterionStat, ProgressFigures, WeekStat } from '@decalogo/scoring';
import { TeamModel } from '../../team/models/team.model.js';
import { UserModel } from '../../user/models/user.model.js';

@ObjectType('CriterionStat', { description: 'Mean answer (0–4) of one criterion over the evaluations where it was answered.' })
export class CriterionStatModel {
  @Field()
  code!: string;

  @Field(() => Float)
  mean!: number;

  @Field(() => Float, { description: 'The mean as a percentage (× 25).' })
  percent!: number;

  @Field(() => Int)
  count!: number;
}

@ObjectType('WeekStat')
export class WeekStatModel {
  @Field({ description: 'The ISO week’s Monday (YYYY-MM-DD) in ORG_TIME_ZONE.' })
  weekStart!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Float)
  meanScore!: number;

  @Field(() => [CriterionStatModel])
  criteria!: CriterionStatModel[];
}

@ObjectType('ProgressFigures', {
  description: 'Every figure over a window of call time, as docs/rubric.md#figures-over-a-window defines it.',
})
export class ProgressFiguresModel {
  @Field(() => Int)
  evaluationCount!: number;

  @Field(() => Float, { nullable: true })
  meanScore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'OLS slope of score against call time, points per week; null with < 3 evaluations.',
  })
  trendPerWeek!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Sample standard deviation of score (lower is more consistent); null with < 2.',
  })
  consistency!: number | null;

  @Field(() => Float, { nullable: true, description: '95% half-width of the mean score (Student t); null with < 2.' })
  marginOfError!: number | null;

  @Field(() => Float, { nullable: true })
  criticalFailureRate!: number | null;

  @Field(() => Float, { nullable: true })
  resolutionRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Among evaluations where a supervisor was requested, the share where one was provided.',
  })
  supervisorAvailability!: number | null;

  @Field(() => [CriterionStatModel])
  criteria!: CriterionStatModel[];

  @Field(() => [WeekStatModel])
  weeks!: WeekStatModel[];
}

@ObjectType('AgentProgress')
export class AgentProgressModel extends ProgressFiguresModel {
  @Field(() => UserModel)
  agent!: UserModel;

  @Field(() => [CriterionStatModel], {
    description:
      'Criterion means over every evaluation of the agents of the agent’s team in the same window, to compare the agent with; empty when the agent has no team, or when `teamComparisonSuppressed`.',
  })
  teamCriteria!: CriterionStatModel[];

  @Field({
    description:
      'True when the team’s figures are withheld from the agent: the window holds fewer than 5 evaluations of the agent’s colleagues, or they come from fewer than 3 colleagues. Always false for administrators and the agent’s coaches.',
  })
  teamComparisonSuppressed!: boolean;
}

@ObjectType('CriterionAgentMean', { description: 'One cell of the criterion × agent heatmap.' })
export class CriterionAgentMeanModel {
  @Field()
  code!: string;

  @Field(() => ID)
  agentId!: string;

  @Field(() => Float)
  mean!: number;

  @Field(() => Int)
  count!: number;
}

@ObjectType('CoachSupervisorAvailability', {
  description:
    'Supervisor availability (rule 8’s chain, docs/rubric.md#supervisor-availability) for one coach of a team, over every team that coach coaches.',
})
export class CoachSupervisorAvailabilityModel {
  @Field(() => UserModel)
  coach!: UserModel;

  @Field(() => Int, {
    description:
      'Submitted evaluations with supervisorRequested, calls in [from, to), of the agents of every team the coach coaches.',
  })
  requested!: number;

  @Field(() => Int, { description: 'Of the requested, those with supervisorProvided.' })
  provided!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'provided / requested (0–1) over the agents of every team the coach coaches — not only this team, so a coach who leads two teams is judged over both; null when requested = 0.',
  })
  supervisorAvailability!: number | null;

  @Field(() => Int, { description: 'How many teams the figure spans: the teams the coach coaches.' })
  teamCount!: number;
}

@ObjectType('TeamOverview')
export class TeamOverviewModel {
  @Field(() => TeamModel)
  team!: TeamModel;

  @Field(() => ProgressFiguresModel, { description: 'The team’s own figures over all its agents’ evaluations.' })
  figures!: ProgressFiguresModel;

  @Field(() => [AgentProgressModel])
  agents!: AgentProgressModel[];

  @Field(() => [CriterionAgentMeanModel])
  matrix!: CriterionAgentMeanModel[];

  @Field(() => [CoachSupervisorAvailabilityModel], {
    description:
      'Supervisor availability per coach of the team, each over all the teams that coach coaches, in the same window; ordered by coach name.',
  })
  coaches!: CoachSupervisorAvailabilityModel[];
}

export const toFigures = (f: ProgressFigures): ProgressFiguresModel => ({
  ...f,
  criteria: f.criteria.map((c: CriterionStat) => ({ ...c })),
  weeks: f.weeks.map((w: WeekStat) => ({ ...w, criteria: w.criteria.map((c) => ({ ...c })) })),
});
