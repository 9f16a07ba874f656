import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor.js';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Lang } from '../common/graphql-enums.js';
import type { GqlContext } from '../common/loaders.js';
import { RubricDraftInput } from './dto/rubric-draft.input.js';
import { CriterionModel, RubricVersionModel, toCriterionModel, toRubricVersionModel } from './models/rubric.model.js';
import { RubricService } from './rubric.service.js';

@Resolver(() => RubricVersionModel)
export class RubricResolver {
  constructor(private readonly rubric: RubricService) {}

  @Allow('rubric.read')
  @Query(() => RubricVersionModel, { description: 'The published version new evaluations are scored against.' })
  async activeRubric(): Promise<RubricVersionModel> {
    return toRubricVersionModel(await this.rubric.active());
  }

  @Allow('rubric.read')
  @Query(() => [RubricVersionModel], { description: 'Newest first; drafts only for administrators.' })
  async rubricVersions(@CurrentActor() actor: Actor): Promise<RubricVersionModel[]> {
    return (await this.rubric.list(actor)).map(toRubricVersionModel);
  }

  @Allow('rubric.manage')
  @Mutation(() => RubricVersionModel, { description: 'A new draft, copied from the active version.' })
  async createRubricDraft(@CurrentActor() actor: Actor): Promise<RubricVersionModel> {
    return toRubricVersionModel(await this.rubric.createDraft(actor));
  }

  @Allow('rubric.manage')
  @Mutation(() => RubricVersionModel)
  async updateRubricDraft(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: RubricDraftInput,
  ): Promise<RubricVersionModel> {
    return toRubricVersionModel(await this.rubric.updateDraft(actor, id, input));
  }

  @Allow('rubric.manage')
  @Mutation(() => RubricVersionModel, { description: 'Validates the draft, makes it active and freezes it.' })
  async publishRubricVersion(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<RubricVersionModel> {
    return toRubricVersionModel(await this.rubric.publish(actor, id));
  }

  @ResolveField(() => [CriterionModel])
  async criteria(@Parent() version: RubricVersionModel, @Context() ctx: GqlContext): Promise<CriterionModel[]> {
    return (await ctx.loaders.criteriaByVersion.load(version.id)).map(toCriterionModel);
  }
}

/** Criterion texts in the language asked for, else the caller's own locale. */
@Resolver(() => CriterionModel)
export class CriterionResolver {
  @ResolveField(() => String)
  title(
    @Parent() criterion: CriterionModel,
    @Context() ctx: GqlContext,
    @Args('lang', { type: () => Lang, nullable: true }) lang?: Lang | null,
  ): string {
    return criterion.texts.title[pickLang(ctx, lang)];
  }

  @ResolveField(() => String)
  listenFor(
    @Parent() criterion: CriterionModel,
    @Context() ctx: GqlContext,
    @Args('lang', { type: () => Lang, nullable: true }) lang?: Lang | null,
  ): string {
    return criterion.texts.listenFor[pickLang(ctx, lang)];
  }
}

function pickLang(ctx: GqlContext, lang: Lang | null | undefined): 'es' | 'en' {
  if (lang) return lang === Lang.EN ? 'en' : 'es';
  return ctx.req.actor?.locale ?? 'es';
}
