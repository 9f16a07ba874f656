import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { parse } from 'csv-parse';
import { DataSource } from 'typeorm';
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

/** The error list keeps the first 1,000; `errorCount` says how many there were. */
export const MAX_LISTED_ERRORS = 1000;
const BATCH = 500;
const PROGRESS_EVERY = 2000;

interface ParsedLine {
  line: number;
  fields: ValidCallFields | null;
  agentId: string | null;
}

/**
 * Imports calls from CSV (API.md): the whole file is validated first, streaming; any error fails
 * the import with every bad line reported and nothing written; a valid file is imported in one
 * transaction. Progress is kept in `call_import`, outside that transaction, so that any API
 * process can answer the poll while it runs.
 */
@Injectable()
export class CallImportService {
  private readonly logger = new Logger(CallImportService.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, fileName: string | null): Promise<CallImportEntity> {
    const repo = this.dataSource.getRepository(CallImportEntity);
    return repo.save(repo.create({ status: 'VALIDATING', fileName, createdBy: actor.id }));
  }

  async get(id: string): Promise<CallImportEntity | null> {
    return this.dataSource.getRepository(CallImportEntity).findOneBy({ id });
  }

  /** Marks an import failed before its file could be read (too large, no file). */
  async fail(id: string, errors: ImportLineError[]): Promise<void> {
    await this.dataSource
      .getRepository(CallImportEntity)
      .update({ id }, { status: 'FAILED', errors, errorCount: errors.length, finishedAt: new Date() });
  }

  /** Validates then imports the file at `path`. Never throws: failures end up in the import's status. */
  async run(actor: Actor, importId: string, path: string): Promise<void> {
    try {
      const agents = await this.agentsByEmail();
      const validation = await this.validate(importId, path, agents);
      if (validation.errors.length) {
        await this.fail(importId, validation.errors.slice(0, MAX_LISTED_ERRORS));
        await this.dataSource
          .getRepository(CallImportEntity)
          .update({ id: importId }, { errorCount: validation.errorCount, total: validation.total, processed: validation.total });
        return;
      }
      await this.progress(importId, { status: 'IMPORTING', total: validation.total, processed: 0 });
      const { imported, progressWrites } = await this.dataSource.transaction((manager) =>
        this.insertAll(manager, actor, importId, path, agents, validation.total),
      );
      await progressWrites;
      await this.progress(importId, { status: 'DONE', processed: validation.total, imported, finishedAt: new Date() });
    } catch (error) {
      this.logger.error(`Import ${importId} failed: ${error instanceof Error ? error.message : String(error)}`);
      const message = error instanceof InvalidUtf8Error ? error.message : 'the import failed on the server; nothing was imported';
      await this.fail(importId, [{ line: error instanceof InvalidUtf8Error ? error.line : 0, column: null, message }]).catch(
        () => undefined,
      );
    }
  }

  private async agentsByEmail(): Promise<Map<string, string>> {
    const rows = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id', 'u.email'])
      .where(':agent = ANY(u.roles)', { agent: Role.AGENT })
      .getMany();
    return new Map(rows.map((u) => [u.email, u.id]));
  }

  private async progress(id: string, values: Partial<CallImportEntity>): Promise<void> {
    await this.dataSource.getRepository(CallImportEntity).update({ id }, values);
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
    for (const [column, index] of indexes) raw[CSV_COLUMNS[column]] = values[index] ?? '';
    const { value, problems } = validateCallFields(raw);
    for (const problem of problems) errors.push({ line, column: problem.column, message: problem.message });
    const email = (raw['agentEmail'] ?? '').trim().toLowerCase();
    const agentId = agents.get(email) ?? null;
    if (!email) errors.push({ line, column: 'agent_email', message: 'agent_email is required' });
    else if (!agentId) errors.push({ line, column: 'agent_email', message: `no agent has the email ${email}` });
    return { parsed: { line, fields: value, agentId }, errors };
  }

  private async validate(
    importId: string,
    path: string,
    agents: Map<string, string>,
  ): Promise<{ total: number; errors: ImportLineError[]; errorCount: number }> {
    const errors: ImportLineError[] = [];
    let errorCount = 0;
    const report = (error: ImportLineError) => {
      errorCount += 1;
      if (errors.length < MAX_LISTED_ERRORS) errors.push(error);
    };
    let header: { indexes: Map<CallColumn, number>; width: number } | null = null;
    const seen = new Map<string, number>();
    let pending: Array<{ line: number; externalId: string }> = [];
    let total = 0;
    const checkExisting = async () => {
      if (!pending.length) return;
      const rows = (await this.dataSource.query(`SELECT external_id FROM call WHERE external_id = ANY($1::text[])`, [
        pending.map((p) => p.externalId),
      ])) as Array<{ external_id: string }>;
      const taken = new Set(rows.map((r) => r.external_id));
      for (const p of pending)
        if (taken.has(p.externalId))
          report({ line: p.line, column: 'external_id', message: `a call with external_id ${p.externalId} already exists` });
      pending = [];
    };
    try {
      for await (const { line, values } of this.records(path)) {
        if (!header) {
          const { indexes, problems } = readHeader(values);
          for (const problem of problems) report({ line, column: problem.column, message: problem.message });
          if (problems.length) return { total: 0, errors, errorCount };
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
            report({ line, column: 'external_id', message: `external_id ${externalId} is also on line ${first}` });
          else {
            seen.set(externalId, line);
            pending.push({ line, externalId });
          }
        }
        if (pending.length >= BATCH) await checkExisting();
        if (total % PROGRESS_EVERY === 0) await this.progress(importId, { processed: total });
      }
      await checkExisting();
    } catch (error) {
      if (error instanceof InvalidUtf8Error) {
        report({ line: error.line, column: null, message: error.message });
        return { total, errors, errorCount };
      }
      const message = error instanceof Error ? error.message : String(error);
      report({ line: total + 1, column: null, message: `the file is not valid CSV: ${message}` });
      return { total, errors, errorCount };
    }
    if (!header) report({ line: 1, column: null, message: 'the file is empty: it needs a header row and at least one call' });
    else if (total === 0) report({ line: 2, column: null, message: 'the file has a header but no calls' });
    errors.sort((a, b) => a.line - b.line);
    return { total, errors, errorCount };
  }

  private async insertAll(
    manager: EntityManager,
    actor: Actor,
    importId: string,
    path: string,
    agents: Map<string, string>,
    total: number,
  ): Promise<{ imported: number; progressWrites: Promise<void> }> {
    let header: { indexes: Map<CallColumn, number>; width: number } | null = null;
    let batch: ParsedLine[] = [];
    let imported = 0;
    // Progress is written outside the transaction so pollers see it move. It is chained, not
    // awaited: the embedded database runs one transaction at a time, so there the updates wait
    // for the commit instead of deadlocking it.
    let progressChain: Promise<void> = Promise.resolve();
    const flush = async () => {
      if (!batch.length) return;
      await insertCalls(manager, batch, actor.id);
      imported += batch.length;
      batch = [];
      const processed = imported;
      progressChain = progressChain.then(() => this.progress(importId, { processed })).catch(() => undefined);
    };
    for await (const { line, values } of this.records(path)) {
      if (!header) {
        header = { indexes: readHeader(values).indexes, width: values.length };
        continue;
      }
      batch.push(this.parseLine(line, values, header.indexes, header.width, agents).parsed);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    await this.audit.record(manager, {
      actorId: actor.id,
      action: 'call.import',
      entityType: 'CallImport',
      entityId: importId,
      after: { imported, total },
    });
    return { imported, progressWrites: progressChain };
  }
}

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
