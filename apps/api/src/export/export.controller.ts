import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { csvRecord, roundHalfAwayFromZero } from '@decalogo/scoring';
import type { Actor } from '../auth/actor.js';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { badInput } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { EvaluationService } from '../evaluation/evaluation.service.js';
import { ProgressService } from '../progress/progress.service.js';
import { BOM, CSV_FORMAT, EVALUATION_HEADERS, formatBool, formatNumber, parseLang, PROGRESS_HEADERS } from './csv-locale.js';
import type { ExportLang } from './csv-locale.js';
import { Clock } from '../common/clock.js';
import { evaluationFilterFromQuery } from './export-query.js';
import { TransactionalConnection } from '../common/transactional-connection.js';

const CODE_ORDER = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

function uuidParam(value: unknown, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!isUuid(value)) throw badInput(`${name} must be an id.`, name);
  return value;
}

function dateParam(value: unknown, name: string): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw badInput(`${name} must be an ISO 8601 date-time.`, name);
  return date;
}

/**
 * CSV exports that open cleanly in a spreadsheet of either language (UTF-8 with BOM; `;` and
 * decimal commas for Spanish) and run no formula stored in a comment or name. Same filters and
 * permissions as the GraphQL lists.
 */
@Controller('api/exports')
export class ExportController {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly evaluations: EvaluationService,
    private readonly progress: ProgressService,
    private readonly clock: Clock,
  ) {}

  @Allow('evaluation.read')
  @Get('evaluations.csv')
  async evaluationsCsv(
    @CurrentActor() actor: Actor,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const lang = parseLang(query['lang']);
    const filter = await evaluationFilterFromQuery(query);

    // Criterion columns: every code of every version evaluations were scored with.
    const codes = (
      (await this.db.manager.query(
        `SELECT DISTINCT code FROM criterion WHERE rubric_version_id IN (SELECT id FROM rubric_version WHERE status <> 'DRAFT')`,
      )) as Array<{ code: string }>
    )
      .map((r) => r.code)
      .sort(CODE_ORDER);
    const h = EVALUATION_HEADERS[lang];
    const f = CSV_FORMAT[lang];
    const header = [
      h['id'],
      h['call'],
      h['agent'],
      h['evaluator'],
      h['callTime'],
      h['status'],
      h['score'],
      h['rawScore'],
      h['criticalFailure'],
      h['resolution'],
      h['supervisorRequested'],
      h['supervisorProvided'],
      ...codes,
      h['comment'],
    ];
    this.start(res, lang, 'evaluations', header);
    // Page by page (the same scope and filters as `evaluations`), so a large export streams.
    let after: string | null = null;
    do {
      const page = await this.evaluations.list(actor, filter, 100, after);
      const details = page.nodes.length
        ? ((await this.db.manager.query(
            `SELECT e.id, c.external_id, a.name AS agent, v.name AS evaluator,
                    (SELECT jsonb_object_agg(x.criterion_code, CASE WHEN x.not_applicable THEN 'NA' ELSE x.value::text END)
                       FROM evaluation_answer x WHERE x.evaluation_id = e.id) AS answers
               FROM evaluation e JOIN call c ON c.id = e.call_id JOIN app_user a ON a.id = e.agent_id JOIN app_user v ON v.id = e.evaluator_id
              WHERE e.id = ANY($1::uuid[])`,
            [page.nodes.map((n) => n.id)],
          )) as Array<{
            id: string;
            external_id: string;
            agent: string;
            evaluator: string;
            answers: Record<string, string | null> | null;
          }>)
        : [];
      const byId = new Map(details.map((d) => [d.id, d]));
      const rounded = (v: number | null) => (v === null ? null : roundHalfAwayFromZero(v, 1));
      const records = page.nodes.map((e) => {
        const d = byId.get(e.id)!;
        return [
          e.id,
          d.external_id,
          d.agent,
          d.evaluator,
          e.callStartedAt.toISOString(),
          e.status,
          formatNumber(rounded(e.score), lang),
          formatNumber(rounded(e.rawScore), lang),
          formatBool(e.criticalFailure, lang),
          e.resolution ?? '',
          formatBool(e.supervisorRequested, lang),
          formatBool(e.supervisorProvided, lang),
          ...codes.map((code) => {
            const value = d.answers?.[code];
            return value === 'NA' ? f.na : (value ?? '');
          }),
          e.comment ?? '',
        ];
      });
      if (records.length) res.write(this.lines(lang, records));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    res.end();
  }

  @Allow('progress.read')
  @Get('progress.csv')
  async progressCsv(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = parseLang(query['lang']);
    const agentId = uuidParam(query['agentId'], 'agentId');
    if (!agentId) throw badInput('agentId is required.', 'agentId');
    const from = dateParam(query['from'], 'from') ?? new Date(this.clock.now().getTime() - 90 * 24 * 3600 * 1000);
    const to = dateParam(query['to'], 'to') ?? this.clock.now();
    const { figures } = await this.progress.agentProgress(actor, agentId, from, to);
    const codes = figures.criteria.map((c) => c.code);
    const h = PROGRESS_HEADERS[lang];
    const records = figures.weeks.map((w) => [
      w.weekStart,
      String(w.count),
      formatNumber(w.meanScore, lang),
      ...codes.map((code) => formatNumber(w.criteria.find((c) => c.code === code)?.mean, lang, 2)),
    ]);
    this.start(res, lang, 'progress', [h.week, h.count, h.meanScore, ...codes]);
    res.end(this.lines(lang, records));
  }

  /** Headers, the BOM (so spreadsheets read UTF-8) and the header row. */
  private start(res: Response, lang: ExportLang, name: string, header: string[]): void {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${name}-${lang}.csv"`);
    res.write(BOM + this.lines(lang, [header]));
  }

  /**
   * Every cell through libs/scoring's csvRecord: numbers bare, text quoted, and text that a
   * spreadsheet would run as a formula (a comment starting with `=`, `+`, `-`, `@`, a tab or a
   * carriage return) prefixed with a single quote (docs/csv.md § "Formulas in exported files").
   */
  private lines(lang: ExportLang, rows: string[][]): string {
    return rows.map((row) => csvRecord(row, CSV_FORMAT[lang].delimiter)).join('');
  }
}
