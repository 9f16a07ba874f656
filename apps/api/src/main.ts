import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/config.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-accounts.js';
import { startServer } from './server.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = new Logger('Decálogo');
  const server = await startServer(config);
  const database = server.database.embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL at DATABASE_URL';
  logger.log(`Decálogo is running at ${server.url} (GraphQL at ${server.url}/graphql) on ${database}.`);
  if (config.seedDemo) {
    const accounts = DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(22)} ${a.roles.join(', ')}`).join('\n');
    logger.log(
      `${server.seeded ? 'Demo data seeded.' : 'Demo data present.'} Demo accounts (password "${DEMO_PASSWORD}"):\n${accounts}`,
    );
  }
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`Decálogo failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
