import { inspect } from 'node:util';
import { QueryFailedError } from 'typeorm';
import { describeError, safeForLog } from './safe-logger.js';

/** A failed INSERT as TypeORM throws it: the SQL, its parameters and the driver's error. */
function failedInsert(): QueryFailedError {
  const driverError = Object.assign(new Error('duplicate key value violates unique constraint "app_user_email_key"'), {
    code: '23505',
    severity: 'ERROR',
    detail: 'Key (email)=(ana@example.com) already exists.',
    constraint: 'app_user_email_key',
    table: 'app_user',
    schema: 'public',
  });
  return new QueryFailedError(
    'INSERT INTO "app_user"("email", "password_hash") VALUES ($1, $2)',
    ['ana@example.com', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA'],
    driverError,
  );
}

describe('errors as the log shows them', () => {
  it('a database error keeps its code and names, and loses its SQL, parameters and detail', () => {
    const shown = inspect(safeForLog(failedInsert()));
    expect(shown).toContain('23505');
    expect(shown).toContain('app_user_email_key');
    expect(shown).toContain('QueryFailedError');
    expect(shown).not.toMatch(/argon2|ana@example\.com|INSERT|password_hash|Key \(email\)/);
  });

  it('a value quoted in the driver message is blanked, a name is kept', () => {
    const driverError = Object.assign(new Error('invalid input syntax for type uuid: "1\' OR 1=1--"'), {
      code: '22P02',
      severity: 'ERROR',
    });
    const error = new QueryFailedError('SELECT 1 WHERE id = $1', ["1' OR 1=1--"], driverError);
    expect(describeError(error)).toBe('QueryFailedError: invalid input syntax for type uuid: "…" (code 22P02)');
    expect(describeError(failedInsert())).toContain('constraint "app_user_email_key"');
  });

  it('a database error wrapped as the cause of another is made safe too; other errors are left alone', () => {
    const wrapped = new Error('the import failed', { cause: failedInsert() });
    expect(inspect(safeForLog(wrapped))).not.toContain('argon2');
    const plain = new Error('plain');
    expect(safeForLog(plain)).toBe(plain);
    expect(safeForLog('text')).toBe('text');
  });
});
