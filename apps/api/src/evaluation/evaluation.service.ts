import { Inject, Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { computeScore, disputeClosesAt, disputeWindowOpen, validateSubmission } from '@decalogo/scoring';
import type { ScoringCriterion } from '@decalogo/scoring';
import { AccessService, LIST_COLUMNS } from '../access/access.service.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { CallEntity } from '../call/entities/call.entity.js';
import { decodeCursor, pageSize, toPage } from '../common/connection.js';
import type { Page } from '../common/connection.js';
import { badInput, conflict, notFound } from '../common/errors.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.token.js';
import { CriterionEntity } from '../rubric/entities/criterion.entity.js';
import { RubricVersionEntity } from '../rubric/entities/rubric-version.entity.js';
import { auditAnswers, mergeAnswers, toAnswerMap, toAnswerRows, toSubmittedAnswers } from './answers.js';
import type { AnswerRows } from './answers.js';
import type { DisputeInput, EvaluationFilter, EvaluationInput, ResolveDisputeInput } from './dto/evaluation.inputs.js';
import { DisputeEntity } from './entities/dispute.entity.js';
import { EvaluationAnswerEntity } from './entities/evaluation-answer.entity.js';
import { EvaluationEntity } from './entities/evaluation.entity.js';
import { Clock } from '../common/clock.js';
import { writeVersioned } from '../common/versioned-write.js';
import { TransactionalConnection } from '../common/transactional-connection.js';
import { AssignmentService } from '../sampling/assignment.service.js';

export const evaluationCursor = (e: EvaluationEntity) => ({ at: e.callStartedAt.toISOString(), id: e.id });

/** The lifecycle of docs/api.md#evaluations: start → save → submit → acknowledge, or dispute → resolve. */
@Injectable()
export class EvaluationService {
  private readonly criteriaCache = new Map<string, ScoringCriterion[]>();

  constructor(
    private readonly db: TransactionalConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly assignments: AssignmentService,
  ) {}

  async start(actor: Actor, callId: string): Promise<EvaluationEntity> {
    const call = await this.db.getRepository(CallEntity).findOneBy({ id: callId });
    if (!call) throw notFound('Call');
    await this.access.require(actor, 'evaluation.start', call);
    try {
      return await this.db.transaction(async (manager) => {
        const existing = await manager.findOneBy(EvaluationEntity, { callId, evaluatorId: actor.id });
        if (existing) throw conflict(`You already have an evaluation of this call (${existing.id}); open that one.`);
        const rubric = await manager.findOneBy(RubricVersionEntity, { status: 'PUBLISHED' });
        if (!rubric) throw notFound('An active rubric version');
        const evaluation = manager.create(EvaluationEntity, {
          callId,
          evaluatorId: actor.id,
          agentId: call.agentId,
          callStartedAt: call.startedAt,
          rubricVersionId: rubric.id,
          status: 'DRAFT',
          version: 1,
        });
        await manager.save(evaluation);
        await this.assignments.markStarted(manager, callId, actor.id, evaluation.id);
        await this.audit.record(manager, {
          actorId: actor.id,
          action: 'evaluation.start',
          entityType: 'Evaluation',
          entityId: evaluation.id,
          after: { callId, rubricVersion: rubric.number },
        });
        return evaluation;
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw conflict('You already have an evaluation of this call; open that one.');
      }
      throw error;
    }
  }

  async save(actor: Actor, id: string, version: number, input: EvaluationInput): Promise<EvaluationEntity> {
    return this.db.transaction(async (manager) => {
      const evaluation = await this.lockOwnDraft(manager, actor, 'evaluation.save', id, version);
      const [criteria, call] = await Promise.all([
        this.criteria(manager, evaluation.rubricVersionId),
        manager.findOneByOrFail(CallEntity, { id: evaluation.callId }),
      ]);
      const saved = toAnswerRows(await manager.findBy(EvaluationAnswerEntity, { evaluationId: id }));
      const answers = mergeAnswers(saved, input.answers ?? [], criteria, call.durationSeconds);
      const before = { ...facts(evaluation), answers: auditAnswers(saved) };
      if (input.resolution !== undefined) evaluation.resolution = input.resolution;
      if (input.supervisorRequested !== undefined) evaluation.supervisorRequested = input.supervisorRequested;
      if (input.supervisorProvided !== undefined) evaluation.supervisorProvided = input.supervisorProvided;
      if (input.comment !== undefined) evaluation.comment = input.comment?.trim() || null;
      if (evaluation.supervisorProvided && evaluation.supervisorRequested === false) {
        throw badInput('supervisorProvided can only be true when a supervisor was requested.', 'input.supervisorProvided');
      }
      await this.writeAnswers(
        manager,
        evaluation,
        answers,
        input.answers?.map((a) => a.code.trim()),
      );
      await persist(manager, evaluation);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'evaluation.save',
        entityType: 'Evaluation',
        entityId: id,
        before,
        after: { ...facts(evaluation), answers: auditAnswers(answers) },
      });
      return evaluation;
    });
  }

  async submit(actor: Actor, id: string, version: number): Promise<EvaluationEntity> {
    return this.db.transaction(async (manager) => {
      const evaluation = await this.lockOwnDraft(manager, actor, 'evaluation.submit', id, version);
      const criteria = await this.criteria(manager, evaluation.rubricVersionId);
      const answers = toAnswerRows(await manager.findBy(EvaluationAnswerEntity, { evaluationId: id }));
      assertComplete(criteria, answers);
      assertFactsComplete(evaluation);
      const result = computeScore(criteria, toAnswerMap(answers));
      Object.assign(evaluation, {
        status: 'SUBMITTED',
        submittedAt: this.clock.now(),
        score: result.score,
        rawScore: result.rawScore,
        criticalFailure: result.criticalFailure,
      });
      await persist(manager, evaluation);
      await this.assignments.markDone(manager, evaluation.id);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'evaluation.submit',
        entityType: 'Evaluation',
        entityId: id,
        before: { status: 'DRAFT' },
        after: { ...facts(evaluation), answers: auditAnswers(answers) },
      });
      return evaluation;
    });
  }

  async acknowledge(actor: Actor, id: string): Promise<EvaluationEntity> {
    return this.db.transaction(async (manager) => {
      const evaluation = await this.lockForAgent(manager, actor, 'evaluation.acknowledge', id);
      if (evaluation.status !== 'SUBMITTED') {
        throw badInput(`Only a submitted evaluation can be acknowledged; this one is ${evaluation.status.toLowerCase()}.`, 'id');
      }
      evaluation.status = 'ACKNOWLEDGED';
      evaluation.acknowledgedAt = this.clock.now();
      await persist(manager, evaluation);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'evaluation.acknowledge',
        entityType: 'Evaluation',
        entityId: id,
        before: { status: 'SUBMITTED' },
        after: { status: 'ACKNOWLEDGED' },
      });
      return evaluation;
    });
  }

  async dispute(actor: Actor, id: string, input: DisputeInput): Promise<EvaluationEntity> {
    return this.db.transaction(async (manager) => {
      const evaluation = await this.lockForAgent(manager, actor, 'evaluation.dispute', id);
      if (evaluation.status === 'ACKNOWLEDGED') {
        throw badInput('You acknowledged this evaluation, so it can no longer be disputed.', 'id');
      }
      if (evaluation.status === 'DISPUTED' || evaluation.status === 'RESOLVED') {
        throw badInput('This evaluation has already been disputed; an evaluation can be disputed once.', 'id');
      }
      if (evaluation.status !== 'SUBMITTED') throw badInput('Only a submitted evaluation can be disputed.', 'id');
      const closesAt = disputeClosesAt(evaluation.submittedAt!, this.config.disputeWindowDays, this.config.orgTimeZone);
      if (!disputeWindowOpen(evaluation.submittedAt!, this.config.disputeWindowDays, this.config.orgTimeZone, this.clock.now())) {
        throw badInput(
          `The ${this.config.disputeWindowDays}-day window to dispute this evaluation closed on ${closesAt.toISOString().slice(0, 10)}.`,
          'id',
        );
      }
      const criteria = await this.criteria(manager, evaluation.rubricVersionId);
      const known = new Set(criteria.map((c) => c.code));
      const codes = input.codes.map((c) => c.trim());
      codes.forEach((code, i) => {
        if (!known.has(code)) throw badInput(`${code}: unknown criterion code`, `input.codes[${i}]`, { criterion: code });
        if (codes.indexOf(code) !== i)
          throw badInput(`${code}: the criterion is listed twice`, `input.codes[${i}]`, { criterion: code });
      });
      const reason = input.reason.trim();
      if (!reason) throw badInput('reason must say why the score is wrong.', 'input.reason');
      await manager.insert(DisputeEntity, { evaluationId: id, agentId: actor.id, codes, reason });
      evaluation.status = 'DISPUTED';
      await persist(manager, evaluation);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'evaluation.dispute',
        entityType: 'Evaluation',
        entityId: id,
        before: { status: 'SUBMITTED' },
        after: { status: 'DISPUTED', codes, reason },
      });
      return evaluation;
    });
  }

  async resolveDispute(actor: Actor, id: string, input: ResolveDisputeInput): Promise<EvaluationEntity> {
    return this.db.transaction(async (manager) => {
      const evaluation = await manager.findOne(EvaluationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!evaluation) throw notFound('Evaluation');
      await this.access.require(actor, 'dispute.resolve', evaluation);
      if (evaluation.status !== 'DISPUTED')
        throw badInput(`Only a disputed evaluation can be resolved; this one is ${evaluation.status.toLowerCase()}.`, 'id');
      const dispute = await manager.findOneByOrFail(DisputeEntity, { evaluationId: id });
      const criteria = await this.criteria(manager, evaluation.rubricVersionId);
      const saved = toAnswerRows(await manager.findBy(EvaluationAnswerEntity, { evaluationId: id }));
      const before = {
        status: 'DISPUTED',
        score: evaluation.score,
        rawScore: evaluation.rawScore,
        criticalFailure: evaluation.criticalFailure,
        answers: auditAnswers(saved),
      };
      let answers = saved;
      if (input.decision === 'AMEND') {
        if (!input.answers?.length) throw badInput('AMEND needs the new answers of the contested criteria.', 'input.answers');
        const call = await manager.findOneByOrFail(CallEntity, { id: evaluation.callId });
        answers = mergeAnswers(saved, input.answers, criteria, call.durationSeconds);
        assertComplete(criteria, answers, 'input.answers');
        const result = computeScore(criteria, toAnswerMap(answers));
        Object.assign(evaluation, { score: result.score, rawScore: result.rawScore, criticalFailure: result.criticalFailure });
        await this.writeAnswers(
          manager,
          evaluation,
          answers,
          input.answers.map((a) => a.code.trim()),
        );
      } else if (input.answers?.length) {
        throw badInput('UPHOLD keeps the answers as they are; send answers only with AMEND.', 'input.answers');
      }
      const comment = input.comment.trim();
      if (!comment) throw badInput('comment must explain the decision to the agent.', 'input.comment');
      await manager.update(
        DisputeEntity,
        { id: dispute.id },
        { decision: input.decision, resolutionComment: comment, resolvedBy: actor.id, resolvedAt: this.clock.now() },
      );
      evaluation.status = 'RESOLVED';
      await persist(manager, evaluation);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'evaluation.resolveDispute',
        entityType: 'Evaluation',
        entityId: id,
        before,
        after: {
          status: 'RESOLVED',
          decision: input.decision,
          comment,
          score: evaluation.score,
          rawScore: evaluation.rawScore,
          criticalFailure: evaluation.criticalFailure,
          answers: auditAnswers(answers),
        },
      });
      return evaluation;
    });
  }

  async get(actor: Actor, id: string): Promise<EvaluationEntity | null> {
    const evaluation = await this.db.getRepository(EvaluationEntity).findOneBy({ id });
    if (!evaluation || !(await this.access.allows(actor, 'evaluation.read', evaluation))) return null;
    return evaluation;
  }

  /** Newest calls first, keyset-paginated by (call time, id), narrowed to what the caller may read. */
  async list(
    actor: Actor,
    filter: EvaluationFilter = {},
    first?: number | null,
    after?: string | null,
  ): Promise<Page<EvaluationEntity>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    const query = this.db.getRepository(EvaluationEntity).createQueryBuilder('e');
    const visible = await this.access.listScope(actor, 'evaluation.read', LIST_COLUMNS.evaluation);
    if (visible) query.where(visible.sql, visible.params);
    if (filter.agentId) query.andWhere('e.agent_id = :agentId', { agentId: filter.agentId });
    if (filter.teamId)
      query.andWhere('e.agent_id IN (SELECT u.id FROM app_user u WHERE u.team_id = :teamId)', { teamId: filter.teamId });
    if (filter.evaluatorId) query.andWhere('e.evaluator_id = :evaluatorId', { evaluatorId: filter.evaluatorId });
    if (filter.status?.length) query.andWhere('e.status IN (:...statuses)', { statuses: filter.status });
    if (filter.from) query.andWhere('e.call_started_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('e.call_started_at < :to', { to: filter.to });
    if (filter.criticalFailure !== undefined && filter.criticalFailure !== null)
      query.andWhere('e.critical_failure = :cf', { cf: filter.criticalFailure });
    if (filter.minScore !== undefined && filter.minScore !== null)
      query.andWhere('e.score >= :minScore', { minScore: filter.minScore });
    if (filter.maxScore !== undefined && filter.maxScore !== null)
      query.andWhere('e.score <= :maxScore', { maxScore: filter.maxScore });
    if (cursor)
      query.andWhere('(e.call_started_at, e.id) < (:cursorAt, :cursorId)', { cursorAt: cursor.at, cursorId: cursor.id });
    const rows = await query
      .orderBy('e.call_started_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .take(size + 1)
      .getMany();
    return toPage(rows, size, evaluationCursor);
  }

  private async lockOwnDraft(
    manager: EntityManager,
    actor: Actor,
    action: 'evaluation.save' | 'evaluation.submit',
    id: string,
    version: number,
  ): Promise<EvaluationEntity> {
    // NOT_FOUND for a record the caller does not see (another's draft), FORBIDDEN for one they
    // see but did not write (docs/access-table.md).
    const evaluation = await manager.findOne(EvaluationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!evaluation) throw notFound('Evaluation');
    await this.access.require(actor, action, evaluation);
    if (evaluation.version !== version) {
      throw conflict(
        `This evaluation has changed since you read it (now version ${evaluation.version}, you sent ${version}). Reload it and try again.`,
      );
    }
    if (evaluation.status !== 'DRAFT')
      throw badInput(`This evaluation is already ${evaluation.status.toLowerCase()} and can no longer change.`, 'id');
    return evaluation;
  }

  private async lockForAgent(
    manager: EntityManager,
    actor: Actor,
    action: 'evaluation.acknowledge' | 'evaluation.dispute',
    id: string,
  ): Promise<EvaluationEntity> {
    const evaluation = await manager.findOne(EvaluationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!evaluation) throw notFound('Evaluation');
    return this.access.require(actor, action, evaluation);
  }

  /**
   * The criteria of an evaluation's rubric version. Evaluations only ever point at published
   * versions, which never change, so each version is read once per process.
   */
  private async criteria(manager: EntityManager, rubricVersionId: string): Promise<ScoringCriterion[]> {
    let cached = this.criteriaCache.get(rubricVersionId);
    if (!cached) {
      const rows = await manager.find(CriterionEntity, { where: { rubricVersionId }, order: { position: 'ASC' } });
      cached = rows.map(({ code, weight, critical, naAllowed }) => ({ code, weight, critical, naAllowed }));
      this.criteriaCache.set(rubricVersionId, cached);
    }
    return cached;
  }

  /** Upserts the rows of the codes that changed (all of them when `codes` is undefined). */
  private async writeAnswers(
    manager: EntityManager,
    evaluation: EvaluationEntity,
    answers: AnswerRows,
    codes?: string[],
  ): Promise<void> {
    const rows = [...answers.values()]
      .filter((row) => !codes || codes.includes(row.criterionCode))
      .map((row) => ({ ...row, evaluationId: evaluation.id, rubricVersionId: evaluation.rubricVersionId }));
    if (rows.length) await manager.upsert(EvaluationAnswerEntity, rows, ['evaluationId', 'criterionCode']);
  }
}

/**
 * Writes the evaluation's changeable columns with the next version, in one UPDATE (no read first)
 * that only matches while the row is at the version read under its lock (one mechanism for every
 * versioned row).
 */
async function persist(manager: EntityManager, e: EvaluationEntity): Promise<void> {
  await writeVersioned(
    manager,
    EvaluationEntity,
    e,
    e.version,
    {
      status: e.status,
      resolution: e.resolution,
      supervisorRequested: e.supervisorRequested,
      supervisorProvided: e.supervisorProvided,
      comment: e.comment,
      score: e.score,
      rawScore: e.rawScore,
      criticalFailure: e.criticalFailure,
      submittedAt: e.submittedAt,
      acknowledgedAt: e.acknowledgedAt,
      updatedAt: new Date(),
    },
    { conflictMessage: 'This evaluation has changed since you read it. Reload it and try again.' },
  );
}

function facts(e: EvaluationEntity) {
  return {
    resolution: e.resolution,
    supervisorRequested: e.supervisorRequested,
    supervisorProvided: e.supervisorProvided,
    comment: e.comment,
  };
}

/** The submission rules (docs/rubric.md#submission-rules), as one BAD_USER_INPUT naming every criterion at fault. */
function assertComplete(criteria: readonly ScoringCriterion[], answers: AnswerRows, field = 'answers'): void {
  const issues = validateSubmission(criteria, toSubmittedAnswers(answers));
  if (!issues.length) return;
  throw badInput(issues.map((issue) => issue.message).join('; '), `${field}.${issues[0]!.code}`, {
    criterion: issues[0]!.code,
    issues: issues.map((issue) => ({ criterion: issue.code, field: issue.field, message: issue.message })),
  });
}

/** The call facts every submitted evaluation records (docs/rubric.md#call-facts). */
function assertFactsComplete(e: EvaluationEntity): void {
  if (!e.resolution)
    throw badInput('resolution is required to submit: was the call RESOLVED, PARTIAL or UNRESOLVED?', 'resolution');
  if (e.supervisorRequested === null)
    throw badInput('supervisorRequested is required to submit: did the customer ask for a supervisor?', 'supervisorRequested');
  if (e.supervisorRequested && e.supervisorProvided === null) {
    throw badInput('supervisorProvided is required to submit when a supervisor was requested.', 'supervisorProvided');
  }
}
