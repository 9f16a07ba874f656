import { Injectable } from '@nestjs/common';
import { Not } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { validateForPublishing, validateRubricCriteria } from '@decalogo/scoring';
import type { CriterionDefinition } from '@decalogo/scoring';
import { AccessService } from '../access/access.service.js';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, conflict, notFound } from '../common/errors.js';
import type { RubricDraftInput } from './dto/rubric-draft.input.js';
import { CriterionEntity } from './entities/criterion.entity.js';
import { RubricVersionEntity } from './entities/rubric-version.entity.js';
import { TransactionalConnection } from '../common/transactional-connection.js';

const toDefinition = (c: CriterionEntity): CriterionDefinition => ({
  code: c.code,
  weight: c.weight,
  critical: c.critical,
  naAllowed: c.naAllowed,
  position: c.position,
  title: { es: c.titleEs, en: c.titleEn },
  listenFor: { es: c.listenForEs, en: c.listenForEn },
});

@Injectable()
export class RubricService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  async active(): Promise<RubricVersionEntity> {
    const version = await this.db.getRepository(RubricVersionEntity).findOneBy({ status: 'PUBLISHED' });
    if (!version) throw notFound('An active rubric version');
    return version;
  }

  /** Drafts are work in progress of the administrators; everybody else sees published history. */
  async list(actor: Actor): Promise<RubricVersionEntity[]> {
    return this.db.getRepository(RubricVersionEntity).find({
      where: (await this.access.allows(actor, 'rubric.manage')) ? {} : { status: Not('DRAFT') },
      order: { number: 'DESC' },
    });
  }

  async createDraft(actor: Actor): Promise<RubricVersionEntity> {
    return this.db.transaction(async (manager) => {
      const existing = await manager.findOneBy(RubricVersionEntity, { status: 'DRAFT' });
      if (existing) throw conflict(`Version ${existing.number} is already a draft: edit or publish it first.`);
      const active = await manager.findOneBy(RubricVersionEntity, { status: 'PUBLISHED' });
      const { max } = (await manager
        .createQueryBuilder(RubricVersionEntity, 'v')
        .select('COALESCE(MAX(v.number), 0)', 'max')
        .getRawOne<{ max: number }>())!;
      const draft = manager.create(RubricVersionEntity, { number: Number(max) + 1, status: 'DRAFT', publishedAt: null });
      await manager.save(draft);
      const criteria = active ? await manager.find(CriterionEntity, { where: { rubricVersionId: active.id } }) : [];
      if (criteria.length) {
        await manager.insert(
          CriterionEntity,
          criteria.map(({ id: _id, rubricVersionId: _v, rubricVersion: _r, ...rest }) => ({
            ...rest,
            rubricVersionId: draft.id,
          })),
        );
      }
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'rubric.createDraft',
        entityType: 'RubricVersion',
        entityId: draft.id,
        after: { number: draft.number, copiedFrom: active?.number ?? null },
      });
      return draft;
    });
  }

  async updateDraft(actor: Actor, id: string, input: RubricDraftInput): Promise<RubricVersionEntity> {
    const definitions: CriterionDefinition[] = input.criteria.map((c, index) => ({
      code: c.code.trim(),
      weight: c.weight,
      critical: c.critical,
      naAllowed: c.naAllowed,
      position: index + 1,
      title: { es: c.titleEs.trim(), en: c.titleEn.trim() },
      listenFor: { es: c.listenForEs.trim(), en: c.listenForEn.trim() },
    }));
    this.assertValid(definitions);
    return this.db.transaction(async (manager) => {
      const draft = await this.lockDraft(manager, id);
      const before = (await manager.find(CriterionEntity, { where: { rubricVersionId: id }, order: { position: 'ASC' } })).map(
        toDefinition,
      );
      await manager.delete(CriterionEntity, { rubricVersionId: id });
      await manager.insert(
        CriterionEntity,
        definitions.map((d) => ({
          rubricVersionId: id,
          code: d.code,
          position: d.position,
          weight: d.weight,
          critical: d.critical,
          naAllowed: d.naAllowed,
          titleEs: d.title.es,
          titleEn: d.title.en,
          listenForEs: d.listenFor.es,
          listenForEn: d.listenFor.en,
        })),
      );
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'rubric.updateDraft',
        entityType: 'RubricVersion',
        entityId: id,
        before,
        after: definitions,
      });
      return draft;
    });
  }

  async publish(actor: Actor, id: string): Promise<RubricVersionEntity> {
    return this.db.transaction(async (manager) => {
      const draft = await this.lockDraft(manager, id);
      const criteria = await manager.find(CriterionEntity, { where: { rubricVersionId: id }, order: { position: 'ASC' } });
      this.assertValid(criteria.map(toDefinition), validateForPublishing);
      const previous = await manager.findOneBy(RubricVersionEntity, { status: 'PUBLISHED' });
      if (previous) await manager.update(RubricVersionEntity, { id: previous.id }, { status: 'ARCHIVED' });
      draft.status = 'PUBLISHED';
      draft.publishedAt = new Date();
      await manager.save(draft);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'rubric.publish',
        entityType: 'RubricVersion',
        entityId: id,
        before: { status: 'DRAFT', activeVersion: previous?.number ?? null },
        after: { status: 'PUBLISHED', number: draft.number },
      });
      return draft;
    });
  }

  private async lockDraft(manager: EntityManager, id: string): Promise<RubricVersionEntity> {
    const version = await manager.findOne(RubricVersionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!version) throw notFound('Rubric version');
    if (version.status !== 'DRAFT') {
      throw badInput(
        `Version ${version.number} is ${version.status.toLowerCase()} and can never change; create a new draft instead.`,
        'id',
      );
    }
    return version;
  }

  private assertValid(criteria: CriterionDefinition[], validate = validateRubricCriteria): void {
    const issues = validate(criteria);
    if (!issues.length) return;
    const index = (code?: string) => criteria.findIndex((c) => c.code === code);
    const fields = issues.map((issue) =>
      index(issue.code) >= 0 ? `input.criteria[${index(issue.code)}].${issue.field}` : `input.${issue.field}`,
    );
    throw badInput(issues.map((issue) => issue.message).join(' '), fields[0], {
      issues: issues.map((issue, i) => ({ field: fields[i], message: issue.message })),
    });
  }
}
