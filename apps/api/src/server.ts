import 'reflect-metadata';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { applyHttpSecurity } from './common/http-security.js';
import { SafeLogger } from './common/safe-logger.js';
import { openDatabase } from './database/database.js';
import type { Database } from './database/database.js';
import { seedDemoData } from './seed/demo-seed.js';
import { WeeklyDrawJob } from './sampling/weekly-draw.job.js';

export interface RunningServer {
  app: NestExpressApplication;
  database: Database;
  url: string;
  seeded: boolean;
  close(): Promise<void>;
}

const API_PREFIXES = ['/graphql', '/api/', '/health'];

/** Serves the built web app at `/`, with deep links (e.g. `/rubric`) answered by index.html. */
function serveWebApp(app: NestExpressApplication, webDir: string): boolean {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(webDir, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PREFIXES.some((prefix) => req.path.startsWith(prefix))) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}

/**
 * A client that sends a request slowly (half a request line, headers a byte at a time, a body that
 * never ends) holds a connection and its memory: Node disconnects it after HEADERS_TIMEOUT_MS
 * without complete headers, or REQUEST_TIMEOUT_MS without the whole request, answering 408. Node
 * looks for such connections every `connectionsCheckingInterval` (30 s by default, read when the
 * server starts listening), so that is shortened to keep the bound close to what is configured.
 */
function limitSlowClients(server: Server, config: AppConfig): void {
  server.headersTimeout = config.headersTimeoutMs;
  server.requestTimeout = config.requestTimeoutMs;
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(
    1_000,
    config.headersTimeoutMs,
  );
}

/** Opens the database (migrating it), seeds demo data when configured, and starts listening. */
export async function startServer(config: AppConfig, options: { logger?: LogLevel[] | false } = {}): Promise<RunningServer> {
  const database = await openDatabase(config);
  try {
    const seeded = config.seedDemo ? await seedDemoData(database.dataSource) : false;
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database.dataSource), {
      // Errors are logged without the values of a failed statement (README.md, Security).
      logger: options.logger === false ? false : new SafeLogger({ logLevels: options.logger ?? ['error', 'warn', 'log'] }),
      bodyParser: true,
    });
    app.enableShutdownHooks();
    // A new demo opens with last week drawn, as the Monday job would have (docs/rubric.md#sampling).
    if (seeded) await app.get(WeeklyDrawJob).run();
    const security = applyHttpSecurity(app, config);
    // Bodies beyond these are refused with 413 before any parsing work (CSV uploads stream
    // separately, with their own limit).
    app.useBodyParser('json', { limit: '1mb' });
    app.useBodyParser('urlencoded', { limit: '16kb', extended: false });
    if (!serveWebApp(app, config.webDir)) {
      new Logger('Web').warn(`No web build found in ${config.webDir}; run "npm run build:web". Serving the API only.`);
    }
    limitSlowClients(app.getHttpServer() as Server, config);
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address() as { port: number };
    const url = `http://localhost:${address.port}`;
    return {
      app,
      database,
      url,
      seeded,
      async close() {
        security.close();
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
