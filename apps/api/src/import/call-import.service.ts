import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Injectable, Logger } from '@nestjs/common';
import { parse } from 'csv-parse';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { validateCallFields } from '../call/call-fields.js';
import type { CallColumn, ValidCallFields } from '../call/call-fields.js';
import { Role } from '../common/roles.js';
import { UserEntity } from '../user/entities/user.entity.js';
import { CallImportEntity } from './call-import.entity.js';
import type { ImportLineError } from './call-import.entity.js';
import { CSV_COLUMNS, readHeader } from './csv-columns.js';
import { InvalidUtf8Error, Utf8Check } from './utf8-check.js';
import { TransactionalConnection } from '../common/transactional-connection.js';
import { quoteValue } from '../common/text.js';
import { describeError } from '../common/safe-logger.js';

/**
 * The error list keeps the first 1,000 errors, and no more than 256 KiB of them, so a status
 * read stays small whatever the file holds; `errorCount` says how many there were (docs/csv.md).
 */
export const MAX_LISTED_ERRORS = 1000;
export const MAX_LISTED_ERROR_BYTES = 256 * 1024;
/** No message is longer than this (the values it quotes are cut shorter still). */
const MAX_MESSAGE_LENGTH = 300;
/** What one listed error costs in bytes as stored: its JSON plus what `jsonb` output adds around it. */
const storedBytes = (error: ImportLineError) => Buffer.byteLength(JSON.stringify(error), 'utf8') + 8;

/** An error as it is listed: the column name and the message quoted short (they may echo the file). */
export const listedError = (error: ImportLineError): ImportLineError => ({
  line: error.line,
  column: error.column === null ? null : quoteValue(error.column),
  message: quoteValue(error.message, MAX_MESSAGE_LENGTH),
});
const BATCH = 500;
const PROGRESS_EVERY = 2000;

interface ParsedLine {
  line: number;
  fields: ValidCallFields | null;
  agentId: string | null;
}

/**
 * Imports calls from CSV (docs/csv.md): every line is validated, streaming; any error fails the import
 * with every bad line reported and nothing written; a valid file is imported in one transaction.
 * Progress is kept in `call_import`, outside that transaction, so that any API process can answer
 * the poll while it runs; the process running an import also answers from memory, because on the
 * embedded database (one session, a pool of one connection) the import's transaction holds the
 * only connection until it ends.
 */
@Injectable()
export class CallImportService {
  private readonly logger = new Logger(CallImportService.name);
  /** Imports this process is running, as a poll should see them. */
  private readonly running = new Map<string, CallImportEntity>();

  constructor(
    private readonly db: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, fileName: string | null): Promise<CallImportEntity> {
    const repo = this.db.getRepository(CallImportEntity);
    // The name comes from the upload's own headers: kept short and storable.
    const name = fileName === null ? null : quoteValue(fileName, 255);
    return repo.save(repo.create({ status: 'VALIDATING', fileName: name, createdBy: actor.id }));
  }

  async get(id: string): Promise<CallImportEntity | null> {
    const running = this.running.get(id);
    if (running) return { ...running };
    return this.db.getRepository(CallImportEntity).findOneBy({ id });
  }

  /** Marks an import failed before its file could be read (too large, no file). */
  async fail(id: string, errors: ImportLineError[]): Promise<void> {
    await this.db
      .getRepository(CallImportEntity)
      .update({ id }, { status: 'FAILED', errors: errors.map(listedError), errorCount: errors.length, finishedAt: new Date() });
  }

  /** Validates and imports the file at `path`. Never throws: failures end up in the import's status. */
  async run(actor: Actor, created: CallImportEntity, path: string): Promise<void> {
    const importId = created.id;
    this.running.set(importId, { ...created });
    try {
      const agents = await this.agentsByEmail();
      // Not `this.db.transaction`: the progress rows are written beside the import's transaction,
      // on a connection of their own, so that a poll sees the bar move while the file goes in.
      const outcome = await this.db.dataSource
        .transaction(async (manager) => {
          const result = await this.validateAndInsert(manager, actor, importId, path, agents);
          // Any bad line rolls the whole file back: nothing is imported.
          if (result.errorCount) throw new ImportRejected(result);
          return result;
        })
        .catch((error: unknown) => {
          if (error instanceof ImportRejected) return error.outcome;
          throw error;
        });
      await outcome.progressWrites;
      await this.progress(importId, {
        status: outcome.errorCount ? 'FAILED' : 'DONE',
        total: outcome.total,
        processed: outcome.total,
        imported: outcome.errorCount ? 0 : outcome.imported,
        errors: outcome.errors,
        errorCount: outcome.errorCount,
        finishedAt: new Date(),
      });
    } catch (error) {
      // Without the values of the statement that failed (README.md, Security).
      this.logger.error(`Import ${importId} failed: ${describeError(error)}`);
      await this.fail(importId, [
        { line: 0, column: null, message: 'the import failed on the server; nothing was imported' },
      ]).catch(() => undefined);
    } finally {
      this.running.delete(importId);
    }
  }

  private async agentsByEmail(): Promise<Map<string, string>> {
    const rows = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id', 'u.email'])
      .where(':agent = ANY(u.roles)', { agent: Role.AGENT })
      .getMany();
    return new Map(rows.map((u) => [u.email, u.id]));
  }

  private async progress(id: string, values: Partial<CallImportEntity>): Promise<void> {
    const running = this.running.get(id);
    if (running) Object.assign(running, values);
    await this.db.getRepository(CallImportEntity).update({ id }, values);
  }

  /** Streams the file's records with the line each one starts on; the header comes first. */
  private async *records(path: string): AsyncGenerator<{ line: number; values: string[] }> {
    const parser = parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true });
    // pipeline() hands a read or UTF-8 error to the parser, so the loop below throws it.
    pipeline(createReadStream(path), new Utf8Check(), parser).catch(() => undefined);
    let previousEnd = 0;
    let previousEmpty = 0;
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; empty_lines: number };
    }>) {
      const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
      previousEnd = info.lines;
      previousEmpty = info.empty_lines;
      yield { line, values: record };
    }
  }

  /** Parses one data line into a call (or the problems with it). */
  private parseLine(
    line: number,
    values: string[],
    indexes: Map<CallColumn, number>,
    width: number,
    agents: Map<string, string>,
  ): { parsed: ParsedLine; errors: ImportLineError[] } {
    const errors: ImportLineError[] = [];
    if (values.length !== width) {
      errors.push({ line, column: null, message: `the line has ${values.length} fields; the header has ${width}` });
      return { parsed: { line, fields: null, agentId: null }, errors };
    }
    const raw: Record<string, string> = {};
    for (const [column, index] of indexes) {
      const value = values[index] ?? '';
      // PostgreSQL text cannot hold U+0000: the line is reported, not sent (docs/csv.md).
      if (value.includes('\u0000'))
        errors.push({ line, column, message: `${column} contains a NUL character (U+0000), which text cannot hold` });
      raw[CSV_COLUMNS[column]] = value;
    }
    if (errors.length) return { parsed: { line, fields: null, agentId: null }, errors };
    const { value, problems } = validateCallFields(raw);
    for (const problem of problems) errors.push({ line, column: problem.column, message: problem.message });
    const email = (raw['agentEmail'] ?? '').trim().toLowerCase();
    const agentId = agents.get(email) ?? null;
    if (!email) errors.push({ line, column: 'agent_email', message: 'agent_email is required' });
    else if (!agentId) errors.push({ line, column: 'agent_email', message: `no agent has the email ${quoteValue(email)}` });
    return { parsed: { line, fields: value, agentId }, errors };
  }

  /**
   * One streaming pass: every line is validated (values, known agent, external_id unique in the
   * file and in the database); while no line has failed, valid lines are inserted in batches
   * inside the caller's transaction, which the caller rolls back if any line fails. Reading the
   * file once keeps large imports fast; the rollback keeps "any error → nothing imported".
   */
  private async validateAndInsert(
    manager: EntityManager,
    actor: Actor,
    importId: string,
    path: string,
    agents: Map<string, string>,
  ): Promise<ImportOutcome> {
    const errors: ImportLineError[] = [];
    let errorCount = 0;
    let listedBytes = 2;
    let listFull = false;
    const report = (error: ImportLineError) => {
      errorCount += 1;
      if (listFull) return;
      const listed = listedError(error);
      const size = storedBytes(listed);
      // Bounded in count and in bytes; once one error does not fit, later ones are counted only,
      // so the list is the file's first errors without gaps.
      if (errors.length >= MAX_LISTED_ERRORS || listedBytes + size > MAX_LISTED_ERROR_BYTES) {
        listFull = true;
        return;
      }
      listedBytes += size;
      errors.push(listed);
    };
    // Progress is written outside the transaction so pollers see it move. It is chained, not
    // awaited: the embedded database runs one transaction at a time, so there the updates wait
    // for the commit instead of deadlocking it.
    let progressWrites: Promise<void> = Promise.resolve();
    const progress = (values: Partial<CallImportEntity>) => {
      const running = this.running.get(importId);
      if (running) Object.assign(running, values);
      progressWrites = progressWrites.then(() => this.progress(importId, values)).catch(() => undefined);
    };
    let header: { indexes: Map<CallColumn, number>; width: number } | null = null;
    const seen = new Map<string, number>();
    let batch: ParsedLine[] = [];
    let total = 0;
    let imported = 0;
    // A batch is checked and inserted while the next one is parsed: the database works on one
    // core while this process parses on the other. Batches still go one at a time, in order.
    let inFlight: Promise<void> = Promise.resolve();
    const write = async (lines: ParsedLine[]) => {
      const ids = lines.map((p) => p.fields!.externalId);
      const rows = (await manager.query(`SELECT external_id FROM call WHERE external_id = ANY($1::text[])`, [ids])) as Array<{
        external_id: string;
      }>;
      const taken = new Set(rows.map((r) => r.external_id));
      for (const p of lines) {
        if (taken.has(p.fields!.externalId))
          report({
            line: p.line,
            column: 'external_id',
            message: `a call with external_id ${quoteValue(p.fields!.externalId)} already exists`,
          });
      }
      if (!errorCount) {
        await insertCalls(manager, lines, actor.id);
        imported += lines.length;
      }
    };
    const flush = async () => {
      await inFlight;
      if (!batch.length) return;
      const lines = batch;
      batch = [];
      inFlight = write(lines);
    };
    const outcome = (): ImportOutcome => ({
      total,
      errors: errors.sort((a, b) => a.line - b.line),
      errorCount,
      imported,
      progressWrites,
    });
    try {
      for await (const { line, values } of this.records(path)) {
        if (!header) {
          const { indexes, problems } = readHeader(values);
          for (const problem of problems) report({ line, column: problem.column, message: problem.message });
          if (problems.length) return outcome();
          header = { indexes, width: values.length };
          continue;
        }
        total += 1;
        const { parsed, errors: lineErrors } = this.parseLine(line, values, header.indexes, header.width, agents);
        lineErrors.forEach(report);
        const externalId = parsed.fields?.externalId;
        if (externalId) {
          const first = seen.get(externalId);
          if (first !== undefined)
            report({ line, column: 'external_id', message: `external_id ${quoteValue(externalId)} is also on line ${first}` });
          else seen.set(externalId, line);
        }
        if (!lineErrors.length && first(seen, externalId, line)) batch.push(parsed);
        if (batch.length >= BATCH) await flush();
        if (total % PROGRESS_EVERY === 0) progress({ processed: total });
      }
      await flush();
      await inFlight;
    } catch (error) {
      await inFlight.catch(() => undefined);
      if (error instanceof InvalidUtf8Error) report({ line: error.line, column: null, message: error.message });
      else if (isCsvError(error))
        report({ line: total + 2, column: null, message: `the file is not valid CSV: ${error.message}` });
      else throw error;
      return outcome();
    }
    if (!header) report({ line: 1, column: null, message: 'the file is empty: it needs a header row and at least one call' });
    else if (total === 0) report({ line: 2, column: null, message: 'the file has a header but no calls' });
    if (!errorCount) {
      progress({ status: 'IMPORTING', total, processed: total });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'call.import',
        entityType: 'CallImport',
        entityId: importId,
        after: { imported, total },
      });
    }
    return outcome();
  }
}

/** Whether `line` is where this external id first appears (a repeat is reported, not inserted). */
const first = (seen: Map<string, number>, externalId: string | undefined, line: number) =>
  externalId !== undefined && seen.get(externalId) === line;

interface ImportOutcome {
  total: number;
  errors: ImportLineError[];
  errorCount: number;
  imported: number;
  /** The chained progress updates, awaited once the transaction has ended. */
  progressWrites: Promise<void>;
}

/** Thrown inside the import transaction to roll it back when any line was bad. */
class ImportRejected extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('the file has bad lines');
  }
}

const isCsvError = (error: unknown): error is Error => {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('CSV_');
};

/** One multi-row INSERT for a batch of validated lines. */
async function insertCalls(manager: EntityManager, lines: ParsedLine[], createdBy: string): Promise<void> {
  const params: unknown[] = [];
  const tuples = lines.map(({ fields, agentId }) => {
    const f = fields!;
    const values = [
      f.externalId,
      agentId,
      f.startedAt,
      f.durationSeconds,
      f.direction,
      f.purpose,
      f.holdSeconds,
      f.transfers,
      f.customerRef,
      f.recordingUrl,
      JSON.stringify(f.transcript),
      createdBy,
    ];
    const start = params.length;
    params.push(...values);
    return `(${values.map((_, i) => `$${start + i + 1}${i === 10 ? '::jsonb' : ''}`).join(', ')})`;
  });
  await manager.query(
    `INSERT INTO call (external_id, agent_id, started_at, duration_seconds, direction, purpose, hold_seconds, transfers, customer_ref, recording_url, transcript, created_by)
     VALUES ${tuples.join(', ')}`,
    params,
  );
}
