import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, notFound } from '../common/errors.js';
import { TransactionalConnection } from '../common/transactional-connection.js';
import { TeamEntity } from '../team/entities/team.entity.js';
import type { SamplingPlanInput } from './dto/sampling.inputs.js';
import { SamplingPlanEntity } from './entities/sampling-plan.entity.js';
import { DEFAULT_TARGET_MARGIN } from './sample-advice.service.js';

/** Sampling plans (docs/rubric.md#sampling): written by administrators, every change audited. */
@Injectable()
export class SamplingPlanService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<SamplingPlanEntity[]> {
    return this.db.getRepository(SamplingPlanEntity).find({ order: { active: 'DESC', name: 'ASC' } });
  }

  get(id: string): Promise<SamplingPlanEntity | null> {
    return this.db.getRepository(SamplingPlanEntity).findOneBy({ id });
  }

  async require(id: string, manager: EntityManager = this.db.manager): Promise<SamplingPlanEntity> {
    const plan = await manager.findOneBy(SamplingPlanEntity, { id });
    if (!plan) throw notFound('Sampling plan');
    return plan;
  }

  /** Which of these team ids name a team that exists now. */
  async existingTeamIds(teamIds: readonly string[]): Promise<Set<string>> {
    if (!teamIds.length) return new Set();
    const teams = await this.db.getRepository(TeamEntity).find({ select: { id: true }, where: { id: In([...teamIds]) } });
    return new Set(teams.map((t) => t.id));
  }

  async create(actor: Actor, input: SamplingPlanInput): Promise<SamplingPlanEntity> {
    return this.db.transaction(async (manager) => {
      await this.checkInput(manager, input, null);
      const plan = manager.create(SamplingPlanEntity, {
        ...fields(input),
        // A random key when none is given: the draw must not be guessable from the plan's name.
        seed: input.seed ?? randomBytes(12).toString('base64url'),
        createdBy: actor.id,
      });
      await manager.save(plan);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'sampling.createPlan',
        entityType: 'SamplingPlan',
        entityId: plan.id,
        after: snapshot(plan),
      });
      return plan;
    });
  }

  async update(actor: Actor, id: string, input: SamplingPlanInput): Promise<SamplingPlanEntity> {
    return this.db.transaction(async (manager) => {
      const plan = await manager.findOne(SamplingPlanEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!plan) throw notFound('Sampling plan');
      await this.checkInput(manager, input, id);
      const before = snapshot(plan);
      Object.assign(plan, fields(input), input.seed ? { seed: input.seed } : {});
      await manager.save(plan);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'sampling.updatePlan',
        entityType: 'SamplingPlan',
        entityId: plan.id,
        before,
        after: snapshot(plan),
      });
      return plan;
    });
  }

  private async checkInput(manager: EntityManager, input: SamplingPlanInput, planId: string | null): Promise<void> {
    const name = input.name.trim();
    if (!name) throw badInput('name must not be empty.', 'input.name');
    const clash = await manager
      .createQueryBuilder(SamplingPlanEntity, 'p')
      .where('lower(p.name) = lower(:name)', { name })
      .andWhere(planId ? 'p.id <> :planId' : 'true', { planId })
      .getExists();
    if (clash) throw badInput(`A sampling plan named "${name}" already exists.`, 'input.name');
    const teams = await manager.find(TeamEntity, { select: { id: true }, where: { id: In(input.teamIds) } });
    const known = new Set(teams.map((t) => t.id));
    const index = input.teamIds.findIndex((teamId) => !known.has(teamId));
    if (index >= 0) throw badInput(`teamIds[${index}] is not a team.`, `input.teamIds[${index}]`);
  }
}

function fields(input: SamplingPlanInput): Partial<SamplingPlanEntity> {
  return {
    name: input.name.trim(),
    teamIds: input.teamIds,
    callsPerAgentPerWeek: input.callsPerAgentPerWeek,
    stratifyByPurpose: input.stratifyByPurpose ?? false,
    purposes: input.purposes ?? null,
    targetMargin: input.targetMargin ?? DEFAULT_TARGET_MARGIN,
    includeCoaches: input.includeCoaches ?? false,
    flaggedShare: input.flaggedShare ?? 0,
    active: input.active ?? true,
  };
}

/** What the audit log keeps of a plan (the seed too: it decides every draw). */
function snapshot(plan: SamplingPlanEntity): Record<string, unknown> {
  const { createdAt: _created, updatedAt: _updated, ...rest } = plan;
  return { ...rest };
}
