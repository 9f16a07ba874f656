import { ApolloDriver } from '@nestjs/apollo';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { AuditResolver } from './audit/audit.resolver.js';
import { AuditService } from './audit/audit.service.js';
import { CallResolver } from './call/call.resolver.js';
import { CallService } from './call/call.service.js';
import { AnswerResolver, EvaluationResolver } from './evaluation/evaluation.resolver.js';
import { EvaluationService } from './evaluation/evaluation.service.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthResolver } from './auth/auth.resolver.js';
import { AuthService } from './auth/auth.service.js';
import { LoginThrottle } from './auth/login-throttle.js';
import { LoginAttemptSweeper } from './auth/login-attempt-sweeper.js';
import { JobScheduler } from './common/scheduled-jobs.js';
import { HashGate } from './auth/hash-gate.js';
import { DeviceCookies } from './auth/device-cookie.js';
import { AccessService } from './access/access.service.js';
import { TokenService } from './auth/token.service.js';
import { EdgeInputInterceptor } from './common/edge-input.interceptor.js';
import { formatError } from './common/format-error.js';
import { graphqlProtection } from './common/graphql-limits.js';
import { DomainErrorFilter } from './common/domain-error.filter.js';
import { TransactionalConnection } from './common/transactional-connection.js';
import { Clock } from './common/clock.js';
import { createLoaders } from './common/loaders.js';
import type { GqlContext } from './common/loaders.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/config.js';
import { APP_CONFIG } from './config/config.token.js';
import { CoachingResolver } from './coaching/coaching.resolver.js';
import { CoachingService } from './coaching/coaching.service.js';
import { ExportController } from './export/export.controller.js';
import { HealthController } from './health/health.controller.js';
import { ProgressResolver } from './progress/progress.resolver.js';
import { ProgressService } from './progress/progress.service.js';
import { AssignmentResolver, SampleAdviceResolver } from './sampling/assignment.resolver.js';
import { AssignmentService } from './sampling/assignment.service.js';
import { SampleAdviceService } from './sampling/sample-advice.service.js';
import { SampleDrawService } from './sampling/sample-draw.service.js';
import { SamplingPlanService } from './sampling/sampling-plan.service.js';
import { SamplingResolver } from './sampling/sampling.resolver.js';
import { WeeklyDrawJob } from './sampling/weekly-draw.job.js';
import { CallImportController } from './import/call-import.controller.js';
import { CallImportService } from './import/call-import.service.js';
import { CriterionResolver, RubricResolver } from './rubric/rubric.resolver.js';
import { RubricService } from './rubric/rubric.service.js';
import { TeamResolver } from './team/team.resolver.js';
import { TeamService } from './team/team.service.js';
import { UserResolver } from './user/user.resolver.js';
import { UserService } from './user/user.service.js';

/**
 * The whole API. The database is opened (and migrated) before Nest starts, and handed in, so
 * that start-up order is explicit and tests can pass their own database.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    const production = config.nodeEnv === 'production';
    const protection = graphqlProtection(production);
    return {
      module: AppModule,
      imports: [
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: !production,
          includeStacktraceInErrorResponses: false,
          // One operation per request (a batch would multiply every limit below), and Apollo's
          // CSRF prevention: a request must be JSON or carry a preflight-forcing header.
          allowBatchedHttpRequests: false,
          csrfPrevention: true,
          validationRules: protection.validationRules,
          plugins: protection.plugins,
          parseOptions: protection.parseOptions,
          context: ({ req }: { req: Request }): GqlContext => ({ req, loaders: createLoaders(dataSource, req) }),
          formatError: (formatted, error) => formatError(formatted, production, error),
        }),
      ],
      controllers: [HealthController, CallImportController, ExportController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DataSource, useValue: dataSource },
        { provide: APP_GUARD, useClass: AuthGuard },
        // Ids and text of every operation, checked once against the schema's types before the pipes.
        { provide: APP_INTERCEPTOR, useClass: EdgeInputInterceptor },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        TokenService,
        AuthService,
        LoginThrottle,
        JobScheduler,
        LoginAttemptSweeper,
        HashGate,
        DeviceCookies,
        TransactionalConnection,
        Clock,
        AccessService,
        AuditService,
        AuthResolver,
        UserService,
        UserResolver,
        TeamService,
        TeamResolver,
        RubricService,
        RubricResolver,
        CriterionResolver,
        AuditResolver,
        CallService,
        CallResolver,
        EvaluationService,
        EvaluationResolver,
        AnswerResolver,
        CallImportService,
        ProgressService,
        ProgressResolver,
        CoachingService,
        CoachingResolver,
        SamplingPlanService,
        SampleDrawService,
        AssignmentService,
        SampleAdviceService,
        SamplingResolver,
        AssignmentResolver,
        SampleAdviceResolver,
        WeeklyDrawJob,
      ],
    };
  }
}
