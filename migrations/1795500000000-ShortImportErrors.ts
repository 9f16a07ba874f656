import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports stored before the error list was bounded could hold an error quoting a whole column of
 * the file (a 95-million-character header name stored 190 MB, returned by every status read).
 * Such lists are brought to today's shape (docs/csv.md): the first 1,000 errors, the column cut to
 * 80 characters and the message to 300, an ellipsis where cut. `errorCount` is left as it was.
 * Data only; nothing to undo.
 */
export class ShortImportErrors1795500000000 implements MigrationInterface {
  name = 'ShortImportErrors1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE "call_import" SET "errors" = (
        SELECT coalesce(jsonb_agg(jsonb_build_object(
                 'line', e -> 'line',
                 'column', CASE WHEN jsonb_typeof(e -> 'column') = 'string'
                                THEN to_jsonb(CASE WHEN length(e ->> 'column') > 80 THEN left(e ->> 'column', 80) || '…' ELSE e ->> 'column' END)
                                ELSE 'null'::jsonb END,
                 'message', to_jsonb(CASE WHEN length(e ->> 'message') > 300 THEN left(e ->> 'message', 300) || '…' ELSE coalesce(e ->> 'message', '') END)
               ) ORDER BY t.n), '[]'::jsonb)
        FROM jsonb_array_elements("call_import"."errors") WITH ORDINALITY AS t(e, n)
        WHERE t.n <= 1000
      )
      WHERE jsonb_typeof("errors") = 'array' AND (octet_length("errors"::text) > 262144 OR jsonb_array_length("errors") > 1000)`);
  }

  public async down(): Promise<void> {
    // The cut values are gone; the shorter lists are valid for the previous version too.
  }
}
