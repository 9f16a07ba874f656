import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, HttpStatus, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import busboy from 'busboy';
import type { Request, Response } from 'express';
import { AccessService } from '../access/access.service.js';
import { badInput, notFound } from '../common/errors.js';
import type { Actor } from '../auth/actor.js';
import { Allow } from '../auth/allow.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.token.js';
import type { CallImportEntity } from './call-import.entity.js';
import { CallImportService } from './call-import.service.js';

/** How long an upload's answer waits for the import to finish, so small files answer at once. */
const ANSWER_WAIT_MS = 2_000;

export interface ImportStatusView {
  id: string;
  status: CallImportEntity['status'];
  total: number;
  processed: number;
  imported: number;
  errorCount: number;
  errors: CallImportEntity['errors'];
}

const view = (i: CallImportEntity): ImportStatusView => ({
  id: i.id,
  status: i.status,
  total: i.total,
  processed: i.processed,
  imported: i.imported,
  errorCount: i.errorCount,
  errors: i.errors,
});

/**
 * `POST /api/imports/calls` (multipart field `file`) and `GET /api/imports/calls/:id`, as docs/csv.md
 * describes them. The upload is streamed to a temporary file (never held in memory) and then
 * validated and imported by {@link CallImportService}.
 */
@Controller('api/imports/calls')
export class CallImportController {
  constructor(
    private readonly imports: CallImportService,
    private readonly access: AccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Allow('imports.create')
  @Post()
  async upload(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (!req.is('multipart/form-data')) throw badInput('Send the CSV as multipart/form-data in a field named "file".', 'file');
    const dir = await mkdtemp(join(tmpdir(), 'decalogo-import-'));
    const path = join(dir, 'upload.csv');
    const cleanUp = () => rm(dir, { recursive: true, force: true });
    let received: { fileName: string | null; tooLarge: boolean };
    try {
      received = await this.receive(req, path);
    } catch (error) {
      await cleanUp();
      throw error;
    }
    if (received.fileName === null) {
      await cleanUp();
      throw badInput('No file: send the CSV in a multipart field named "file".', 'file');
    }
    const created = await this.imports.create(actor, received.fileName);
    if (received.tooLarge) {
      await cleanUp();
      const limitMb = Math.max(1, Math.floor(this.config.importMaxBytes / 1024 / 1024));
      await this.imports.fail(created.id, [
        { line: 0, column: null, message: `the file is larger than the limit of ${limitMb} MB; split it into smaller files` },
      ]);
    } else {
      // Runs on after the answer for large files; the client polls GET /api/imports/calls/:id.
      const done = this.imports.run(actor, created, path).finally(cleanUp);
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, ANSWER_WAIT_MS).unref())]);
    }
    const current = (await this.imports.get(created.id))!;
    res
      .status(current.status === 'DONE' || current.status === 'FAILED' ? HttpStatus.OK : HttpStatus.ACCEPTED)
      .json(view(current));
  }

  @Allow('imports.read')
  @Get(':id')
  async status(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => badInput('id must be an import id.', 'id') })) id: string,
  ): Promise<ImportStatusView> {
    // Only its uploader and administrators read an import; to anyone else it does not exist.
    const found = await this.imports.get(id);
    if (!found || !(await this.access.allows(actor, 'imports.read', found))) throw notFound('Import');
    return view(found);
  }

  /** Streams the `file` field to disk, stopping at the size limit. */
  private receive(req: Request, path: string): Promise<{ fileName: string | null; tooLarge: boolean }> {
    return new Promise((resolve, reject) => {
      let fileName: string | null = null;
      let tooLarge = false;
      let writing: Promise<void> = Promise.resolve();
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: this.config.importMaxBytes } });
      } catch {
        reject(badInput('The upload is not valid multipart/form-data.', 'file'));
        return;
      }
      parser.on('file', (field, stream, info) => {
        if (field !== 'file') {
          stream.resume();
          return;
        }
        fileName = info.filename ?? 'upload.csv';
        stream.on('limit', () => {
          tooLarge = true;
        });
        writing = pipeline(stream, createWriteStream(path));
      });
      parser.on('error', () => reject(badInput('The upload was cut off or is not valid multipart/form-data.', 'file')));
      parser.on('close', () => {
        writing.then(() => resolve({ fileName, tooLarge }), reject);
      });
      req.pipe(parser);
    });
  }
}
