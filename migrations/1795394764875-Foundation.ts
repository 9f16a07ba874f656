import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Version 1 of the rubric, the decálogo, exactly as this migration has always written it. The
 * rows are part of the migration: a released migration must write the same rows on every
 * database it ever runs on, so they never follow later edits of the code (`DEFAULT_RUBRIC` in
 * libs/scoring held the same values when this copy was made). See docs/rubric.md#the-ten-rules.
 */
const VERSION_1_CRITERIA = [
  {
    code: 'R1',
    position: 1,
    weight: 10,
    critical: false,
    naAllowed: false,
    titleEs: 'El cliente es el consumidor por excelencia',
    titleEn: 'The customer is our consumer par excellence',
    listenForEs:
      'Trata a quien llama como el activo más valioso de la empresa: identifica al cliente y su necesidad real, y explica todo lo que un cliente (nuevo) necesita saber sobre el producto o servicio en lugar de suponer que es obvio.',
    listenForEn:
      "Treats the caller as the company's most valuable asset: identifies the customer and the real need, and explains everything a (new) customer needs to know about the product or service instead of assuming it is obvious.",
  },
  {
    code: 'R2',
    position: 2,
    weight: 5,
    critical: false,
    naAllowed: true,
    titleEs: 'Cautivar con más y mejores servicios',
    titleEn: 'Win the customer over with more and better services',
    listenForEs:
      'Cuando se ajusta a la situación del cliente, le ofrece algo que mejore su servicio (una versión superior, un plan mejor, una función útil) para que termine más satisfecho que cuando llamó. No aplica cuando no había nada razonable que ofrecer.',
    listenForEn:
      "Where it fits the customer's situation, offers something that improves their service (an upgrade, a better plan, a useful feature) so they leave more satisfied than they came. N/A when nothing could reasonably be offered.",
  },
  {
    code: 'R3',
    position: 3,
    weight: 15,
    critical: false,
    naAllowed: false,
    titleEs: 'Cuidar al cliente: nunca maltratarlo ni ignorarlo',
    titleEn: 'Care for the customer: never mistreat or ignore them',
    listenForEs:
      'No hay silencios sin explicación ni esperas largas; no se obliga al cliente a repetir datos que ya dio; las transferencias son asistidas (se traspasa el contexto); nunca se ignora al cliente ni se le deja sin respuesta o sin un siguiente paso.',
    listenForEn:
      'No unexplained silences or long holds; the customer is not made to repeat data already given; transfers are warm (context handed over); the customer is never ignored or left without an answer or a next step.',
  },
  {
    code: 'R4',
    position: 4,
    weight: 10,
    critical: false,
    naAllowed: false,
    titleEs: 'Razonar con argumentos y máximo respeto',
    titleEn: 'Persuade with arguments and utmost respect',
    listenForEs:
      'Cuando el cliente se equivoca o pide algo imposible, el agente da razones y alternativas, nunca lo contradice de forma tajante y mantiene el máximo respeto.',
    listenForEn:
      'When the customer is wrong or asks for something impossible, the agent gives reasons and alternatives, never contradicts bluntly, and keeps the utmost respect.',
  },
  {
    code: 'R5',
    position: 5,
    weight: 15,
    critical: false,
    naAllowed: false,
    titleEs: 'El cliente nos da de comer: resolver',
    titleEn: 'The customer keeps us in business: resolve',
    listenForEs:
      'Se hace cargo del problema hasta resolverlo o hasta asumir un compromiso concreto y con fecha; lo que cuenta es el resultado (no la sonrisa): lo acordado se cumple de verdad.',
    listenForEn:
      'Owns the problem until it is solved or a concrete, dated commitment is made; the outcome (not the smile) is what counts: what was agreed is actually done.',
  },
  {
    code: 'R6',
    position: 6,
    weight: 10,
    critical: false,
    naAllowed: true,
    titleEs: 'Llamar sin incomodar',
    titleEn: 'Call the customer, never bother them',
    listenForEs:
      'En el contacto saliente: se identifica de inmediato e indica la empresa y el motivo de la llamada, llama desde un número que el cliente puede verificar (nunca con número oculto mientras pide datos personales), a una hora razonable, pide solo los datos necesarios y respeta el «no llamar». No aplica en llamadas entrantes sin componente saliente.',
    listenForEn:
      'On outbound contact: identifies self, company and purpose at once, calls from a number the customer can verify (never a hidden caller ID while asking for personal data), at a reasonable time, asks only the data needed, respects "do not call". N/A on inbound calls with no outbound element.',
  },
  {
    code: 'R7',
    position: 7,
    weight: 5,
    critical: false,
    naAllowed: true,
    titleEs: 'Inteligencia comercial',
    titleEn: 'Commercial intelligence',
    listenForEs:
      'Usa lo que la empresa sabe (historial, scoring, ofertas) para proponer el producto adecuado en el momento adecuado, como una grata sorpresa y no como una presión. No aplica cuando el motivo de la llamada excluye cualquier acción comercial (p. ej., una reclamación formal en curso).',
    listenForEn:
      "Uses what the company knows (history, scoring, offers) to propose the right product at the right moment, with a pleasant surprise rather than pressure. N/A when the call's purpose rules out any commercial action (e.g. a formal complaint in progress).",
  },
  {
    code: 'R8',
    position: 8,
    weight: 15,
    critical: true,
    naAllowed: false,
    titleEs: 'Nunca faltar el respeto ni levantar la voz; escalar',
    titleEn: 'Never disrespect or raise your voice; escalate',
    listenForEs:
      'Nunca falta al respeto, levanta la voz ni muestra exasperación, haga lo que haga el cliente (salvo que atente contra los derechos del propio agente). Cuando el cliente pide hablar con un superior, se le comunica con uno (con un segundo y un tercero si hace falta) o se compromete una llamada de uno de ellos en una fecha concreta: «no hay nadie más» es un fallo.',
    listenForEn:
      'Never disrespects, raises the voice, or shows exasperation, whatever the customer does (short of abusing the agent\'s own rights). When the customer asks for a superior, a superior is reached (a second and a third if needed) or a dated call-back from one is committed — "there is nobody else" is a failure.',
  },
  {
    code: 'R9',
    position: 9,
    weight: 10,
    critical: true,
    naAllowed: false,
    titleEs: 'Conocer y respetar los derechos del cliente',
    titleEn: "Know and respect the customer's rights",
    listenForEs:
      'Respeta los derechos legales del cliente: la información obligatoria, el consentimiento para el tratamiento de datos personales, el derecho a cancelar o a reclamar, y afirmaciones exactas sobre contratos y cargos; nunca obtiene datos con engaños.',
    listenForEn:
      "Respects the customer's legal rights: required disclosures, data-protection consent, right to cancel or complain, accurate statements about contracts and charges; never obtains data under false pretences.",
  },
  {
    code: 'R10',
    position: 10,
    weight: 5,
    critical: false,
    naAllowed: true,
    titleEs: 'Ceder para fidelizar',
    titleEn: 'Yield at times to earn loyalty',
    listenForEs:
      'Cuando la política lo permite, cede en un punto menor (un gesto de buena voluntad, la anulación de un cargo, flexibilidad con una fecha) si con ello se gana la fidelidad del cliente. No aplica cuando no surgió ningún conflicto ni petición.',
    listenForEn:
      "Where the policy allows, yields on a small point (a goodwill gesture, a waived fee, flexibility on a date) when it wins the customer's loyalty. N/A when no conflict or request arose.",
  },
] as const;

/**
 * Users, teams, coaches, rubric versions with their criteria, the audit log, and version 1 of
 * the decálogo published. Constraints live here too, so that no code path (or hand-written
 * SQL) can store what the application would refuse.
 */
export class Foundation1795394764875 implements MigrationInterface {
  name = 'Foundation1795394764875';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE team (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX team_name_unique ON team (lower(name))`);

    await q.query(`CREATE TABLE app_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL CHECK (email = lower(email) AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
      name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
      roles text[] NOT NULL CHECK (cardinality(roles) >= 1
        AND roles <@ ARRAY['ADMIN','EVALUATOR','COACH','AGENT']::text[]),
      active boolean NOT NULL DEFAULT true,
      password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
      locale text NOT NULL DEFAULT 'es' CHECK (locale IN ('es','en')),
      team_id uuid REFERENCES team(id) ON DELETE RESTRICT,
      token_version integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_unique ON app_user (email)`);
    await q.query(`CREATE INDEX app_user_team ON app_user (team_id)`);

    await q.query(`CREATE TABLE team_coach (
      team_id uuid NOT NULL REFERENCES team(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      PRIMARY KEY (team_id, user_id)
    )`);
    await q.query(`CREATE INDEX team_coach_user ON team_coach (user_id)`);

    await q.query(`CREATE TABLE rubric_version (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number integer NOT NULL UNIQUE CHECK (number >= 1),
      status text NOT NULL CHECK (status IN ('DRAFT','PUBLISHED','ARCHIVED')),
      published_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'DRAFT') = (published_at IS NULL))
    )`);
    // One active version and one draft at a time.
    await q.query(`CREATE UNIQUE INDEX rubric_version_one_published ON rubric_version (status) WHERE status = 'PUBLISHED'`);
    await q.query(`CREATE UNIQUE INDEX rubric_version_one_draft ON rubric_version (status) WHERE status = 'DRAFT'`);

    await q.query(`CREATE TABLE criterion (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      rubric_version_id uuid NOT NULL REFERENCES rubric_version(id) ON DELETE CASCADE,
      code text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{0,15}$'),
      position integer NOT NULL CHECK (position >= 1),
      weight double precision NOT NULL CHECK (weight > 0 AND weight <= 1000),
      critical boolean NOT NULL,
      na_allowed boolean NOT NULL,
      title_es text NOT NULL CHECK (length(btrim(title_es)) > 0),
      title_en text NOT NULL CHECK (length(btrim(title_en)) > 0),
      listen_for_es text NOT NULL CHECK (length(btrim(listen_for_es)) > 0),
      listen_for_en text NOT NULL CHECK (length(btrim(listen_for_en)) > 0),
      UNIQUE (rubric_version_id, code),
      UNIQUE (rubric_version_id, position) DEFERRABLE INITIALLY DEFERRED
    )`);

    // A published version never changes: criteria may be written only while their version is a draft.
    await q.query(`CREATE FUNCTION criterion_only_in_draft() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE version_status text;
      BEGIN
        SELECT status INTO version_status FROM rubric_version
          WHERE id = COALESCE(NEW.rubric_version_id, OLD.rubric_version_id);
        IF version_status IS DISTINCT FROM 'DRAFT' AND version_status IS NOT NULL THEN
          RAISE EXCEPTION 'criteria of a % rubric version cannot change', lower(version_status)
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await q.query(`CREATE TRIGGER criterion_only_in_draft BEFORE INSERT OR UPDATE OR DELETE ON criterion
      FOR EACH ROW EXECUTE FUNCTION criterion_only_in_draft()`);

    await q.query(`CREATE TABLE audit_entry (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid REFERENCES app_user(id) ON DELETE RESTRICT,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      before jsonb,
      after jsonb
    )`);
    await q.query(`CREATE INDEX audit_entry_entity ON audit_entry (entity_id, at)`);
    await q.query(`CREATE INDEX audit_entry_at ON audit_entry (at DESC, id DESC)`);

    // Version 1: the decálogo, written as a draft then published (the trigger allows criteria
    // only on drafts), from this migration's own copy of the rows.
    const [version] = (await q.query(`INSERT INTO rubric_version (number, status) VALUES (1, 'DRAFT') RETURNING id`)) as Array<{
      id: string;
    }>;
    for (const c of VERSION_1_CRITERIA) {
      await q.query(
        `INSERT INTO criterion (rubric_version_id, code, position, weight, critical, na_allowed,
           title_es, title_en, listen_for_es, listen_for_en)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [version!.id, c.code, c.position, c.weight, c.critical, c.naAllowed, c.titleEs, c.titleEn, c.listenForEs, c.listenForEn],
      );
    }
    await q.query(`UPDATE rubric_version SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [version!.id]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_entry`);
    await q.query(`DROP TABLE criterion`);
    await q.query(`DROP FUNCTION criterion_only_in_draft()`);
    await q.query(`DROP TABLE rubric_version`);
    await q.query(`DROP TABLE team_coach`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE team`);
  }
}
