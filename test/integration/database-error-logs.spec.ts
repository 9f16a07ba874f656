import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { createCall, createEvaluation } from '../support/factories.js';
import { errorCode, startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { CREATE_CALL, SAVE } from '../support/workflow.js';

/**
 * A statement that fails on the server is logged with what an operator needs (the SQLSTATE code,
 * the constraint, the table) and never with the values it carried: no password hash, no password,
 * no comment or transcript (README.md, Security). The app's real output is captured: whatever Nest
 * or TypeORM writes to stdout or stderr while the request fails.
 */
describe('database errors are logged without their values (production)', () => {
  let app: TestApp;
  let admin: string;
  let evaluator: string;
  let output: string[];
  let restore: Array<() => void>;
  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: 'production' });
    [admin, evaluator] = await Promise.all([app.login('admin@demo.test'), app.login('evaluator@demo.test')]);
  });
  afterAll(() => app?.close());
  beforeEach(() => {
    output = [];
    restore = [process.stdout, process.stderr].map((stream) => {
      const spy = jest.spyOn(stream, 'write').mockImplementation((chunk: unknown) => {
        output.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
        return true;
      });
      return () => spy.mockRestore();
    });
  });
  afterEach(() => restore.forEach((undo) => undo()));

  const logged = () => output.join('');
  const db = () => app.server.database.dataSource;

  it('a unique violation on user creation logs its code and constraint, never the hash, password, e-mail or name', async () => {
    // Two people may share a name; this test makes the database refuse it to force the failure
    // after the password was hashed and the row sent.
    const existing = app.cast.people['coach@demo.test']!.name;
    await db().query(`CREATE UNIQUE INDEX test_unique_user_name ON app_user (name)`);
    try {
      const password = 'Contraseña-conocida-4711';
      const email = 'nueva.persona.unica@test.example';
      const result = await app.gql(
        'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
        { input: { email, name: existing, password, roles: ['AGENT'] } },
        admin,
      );
      expect(errorCode(result)).toBe('INTERNAL_SERVER_ERROR');
      const text = logged();
      expect(text).toContain('23505');
      expect(text).toContain('test_unique_user_name');
      expect(text).not.toContain('$argon2');
      expect(text).not.toContain(password);
      expect(text).not.toContain(email);
      expect(text).not.toContain(existing);
      expect(text).not.toMatch(/parameters|INSERT INTO/i);
    } finally {
      await db().query(`DROP INDEX test_unique_user_name`);
    }
  });

  it('a comment the database refuses is logged as the refusal, without the comment', async () => {
    const callId = await createCall(app, {
      agentId: app.cast.id('agent1@demo.test'),
      startedAt: new Date('2026-03-02T10:00:00Z'),
    });
    const id = await createEvaluation(app, {
      callId,
      evaluatorId: app.cast.id('evaluator@demo.test'),
      answers: {},
      status: 'DRAFT',
    });
    const comment = 'El cliente confesó su clave privada: zanahoria-9031 (refuse)';
    await db().query(
      `ALTER TABLE evaluation ADD CONSTRAINT test_comment_refused CHECK (comment IS NULL OR position('refuse' in comment) = 0) NOT VALID`,
    );
    try {
      const result = await app.gql(SAVE, { id, version: 1, input: { comment } }, evaluator);
      expect(errorCode(result)).toBe('INTERNAL_SERVER_ERROR');
      const text = logged();
      expect(text).toContain('23514');
      expect(text).toContain('test_comment_refused');
      expect(text).not.toContain('zanahoria-9031');
      expect(text).not.toContain('clave privada');
    } finally {
      await db().query(`ALTER TABLE evaluation DROP CONSTRAINT test_comment_refused`);
    }
  });

  it('a transcript the database refuses is logged as the refusal, without the transcript', async () => {
    await db().query(
      `ALTER TABLE call ADD CONSTRAINT test_transcript_refused CHECK (position('refuse' in transcript::text) = 0) NOT VALID`,
    );
    try {
      const result = await app.gql(
        CREATE_CALL,
        {
          input: {
            externalId: 'LOG-1',
            agentId: app.cast.id('agent1@demo.test'),
            startedAt: '2026-03-02T10:00:00Z',
            durationSeconds: 60,
            direction: 'INBOUND',
            purpose: 'SUPPORT',
            customerRef: 'CLIENTE-REF-5521',
            transcript: 'CUSTOMER: mi dirección es Calle Secreta 12 (refuse)\nAGENT: gracias',
          },
        },
        evaluator,
      );
      expect(errorCode(result)).toBe('INTERNAL_SERVER_ERROR');
      const text = logged();
      expect(text).toContain('23514');
      expect(text).toContain('test_transcript_refused');
      expect(text).not.toContain('Calle Secreta');
      expect(text).not.toContain('CLIENTE-REF-5521');
    } finally {
      await db().query(`ALTER TABLE call DROP CONSTRAINT test_transcript_refused`);
    }
  });

  it('a driver message that quotes a value is logged without the value', async () => {
    // PostgreSQL quotes what it could not read ('invalid input syntax for type uuid: "…"'); an
    // error of that kind, logged through the app's logger as the exception handler does, keeps
    // its code and loses the value.
    await db().query(`CREATE TABLE test_probe (id uuid)`);
    try {
      const error = await db()
        .query(`INSERT INTO test_probe (id) VALUES ($1)`, ['not-a-uuid-4471'])
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(Error);
      new Logger('ExceptionsHandler').error(error);
      const text = logged();
      expect(text).toContain('22P02');
      expect(text).not.toContain('not-a-uuid-4471');
    } finally {
      await db().query(`DROP TABLE test_probe`);
    }
  });
});
