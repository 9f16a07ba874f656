import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { loadConfig } from './config/config.js';
import { printSortedSchema } from './schema-text.js';

/**
 * Writes the code-first schema to apps/api/schema.gql (sorted, committed). No database is
 * touched: the DataSource is a closed placeholder, enough to build the schema.
 */
async function main(): Promise<void> {
  const config = { ...loadConfig({ NODE_ENV: 'development', JWT_SECRET: 'x'.repeat(32) }), webDir: '/nonexistent' };
  const dataSource = new DataSource({ type: 'postgres' });
  const app = await NestFactory.create(AppModule.forRoot(config, dataSource), { logger: false });
  await app.init();
  const target = resolve('apps/api/schema.gql');
  writeFileSync(target, printSortedSchema(app.get(GraphQLSchemaHost).schema));
  await app.close();
  process.stdout.write(`Wrote ${target}\n`);
}

void main();
