import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { isoWeekStart } from '@decalogo/scoring';
import { Clock } from '../common/clock.js';
import { JobScheduler } from '../common/scheduled-jobs.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.token.js';
import { SampleDrawService } from './sample-draw.service.js';
import { SamplingPlanService } from './sampling-plan.service.js';

/** The job queue (and schedule) of the weekly draw. */
export const WEEKLY_DRAW_QUEUE = 'sampling-weekly-draw';

/**
 * Each Monday at 06:00 organisation time (`SAMPLING_DRAW_CRON`), every active plan draws the week
 * that has just ended (docs/rubric.md#sampling). JobScheduler runs it once across API processes,
 * and the draw itself is idempotent per plan and week, so even a repeated run draws nothing twice.
 */
@Injectable()
export class WeeklyDrawJob implements OnModuleInit {
  private readonly logger = new Logger('WeeklyDrawJob');

  constructor(
    private readonly scheduler: JobScheduler,
    private readonly plans: SamplingPlanService,
    private readonly draws: SampleDrawService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: WEEKLY_DRAW_QUEUE,
      cron: this.config.samplingDrawCron,
      timeZone: this.config.orgTimeZone,
      run: async () => {
        await this.run();
      },
    });
  }

  /** The week before the current one, in the organisation's calendar. */
  lastWeek(now = this.clock.now()): string {
    const thisWeek = isoWeekStart(now, this.config.orgTimeZone);
    const monday = new Date(`${thisWeek}T12:00:00Z`);
    monday.setUTCDate(monday.getUTCDate() - 7);
    return monday.toISOString().slice(0, 10);
  }

  /** Draws last week for every active plan; one plan that cannot draw (a removed team) does not stop the others. */
  async run(): Promise<Array<{ planId: string; drawn: number; error?: string }>> {
    const weekStart = this.lastWeek();
    const results: Array<{ planId: string; drawn: number; error?: string }> = [];
    for (const plan of (await this.plans.list()).filter((p) => p.active)) {
      try {
        const { assignments } = await this.draws.draw(null, plan.id, weekStart);
        results.push({ planId: plan.id, drawn: assignments.length });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.logger.error(`The plan "${plan.name}" could not draw the week of ${weekStart}: ${message}`);
        results.push({ planId: plan.id, drawn: 0, error: message });
      }
    }
    return results;
  }
}
