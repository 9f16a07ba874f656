import { DEFAULT_RUBRIC } from '@decalogo/scoring';
import { errorCode, startTestApp, startTestAppAsAdmin } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

const ACTIVE =
  'query($lang: Lang) { activeRubric { id number status publishedAt criteria { code weight critical naAllowed position title(lang: $lang) listenFor(lang: $lang) } } }';
const CREATE_DRAFT = 'mutation { createRubricDraft { id number status } }';
const UPDATE_DRAFT =
  'mutation($id: ID!, $input: RubricDraftInput!) { updateRubricDraft(id: $id, input: $input) { id criteria { code weight position } } }';
const PUBLISH = 'mutation($id: ID!) { publishRubricVersion(id: $id) { id number status publishedAt } }';

type Criterion = { code: string; weight: number; critical: boolean; naAllowed: boolean; title: string; listenFor: string };

const asInput = (c: (typeof DEFAULT_RUBRIC)[number]) => ({
  code: c.code,
  weight: c.weight,
  critical: c.critical,
  naAllowed: c.naAllowed,
  titleEs: c.title.es,
  titleEn: c.title.en,
  listenForEs: c.listenFor.es,
  listenForEn: c.listenFor.en,
});

/** A version's criteria as stored. */
function criteriaRows(app: TestApp, versionId: string): Promise<unknown[]> {
  return app.server.database.dataSource.query(
    `SELECT code, weight, position FROM criterion WHERE rubric_version_id = $1 ORDER BY position`,
    [versionId],
  );
}

describe('rubric versions', () => {
  let app: TestApp;
  let admin: string;
  /** A draft of version 2 that the refused edits below must leave as it is. */
  let draftId: string;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.login('admin@demo.test');
    const draft = await app.gql<{ createRubricDraft: { id: string } }>(CREATE_DRAFT, {}, admin);
    draftId = draft.data!.createRubricDraft.id;
  });
  afterAll(() => app?.close());

  it('activeRubric is version 1 of the decálogo: R1–R10, weights summing to 100, R8 and R9 critical', async () => {
    const result = await app.gql<{ activeRubric: { number: number; status: string; criteria: Criterion[] } }>(
      ACTIVE,
      {},
      await app.login('agent1@demo.test'),
    );
    const rubric = result.data!.activeRubric;
    expect(rubric).toMatchObject({ number: 1, status: 'PUBLISHED' });
    expect(rubric.criteria.map((c) => c.code)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10']);
    expect(rubric.criteria.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
    expect(rubric.criteria.filter((c) => c.critical).map((c) => c.code)).toEqual(['R8', 'R9']);
    expect(rubric.criteria.filter((c) => c.naAllowed).map((c) => c.code)).toEqual(['R2', 'R6', 'R7', 'R10']);
    // No language asked: the caller's locale (Spanish).
    expect(rubric.criteria[0]!.title).toBe('El cliente es el consumidor por excelencia');
  });

  it('answers titles and listen-for texts in the language asked for', async () => {
    const token = await app.login('evaluator@demo.test');
    const en = (await app.gql<{ activeRubric: { criteria: Criterion[] } }>(ACTIVE, { lang: 'EN' }, token)).data!.activeRubric
      .criteria;
    const es = (await app.gql<{ activeRubric: { criteria: Criterion[] } }>(ACTIVE, { lang: 'ES' }, token)).data!.activeRubric
      .criteria;
    expect(en[7]!.title).toBe('Never disrespect or raise your voice; escalate');
    expect(es[7]!.title).toBe('Nunca faltar el respeto ni levantar la voz; escalar');
    expect(en.every((c, i) => c.listenFor.length > 20 && c.listenFor !== es[i]!.listenFor)).toBe(true);
  });

  it('only administrators manage rubric versions', async () => {
    for (const email of ['evaluator@demo.test', 'coach@demo.test', 'agent1@demo.test']) {
      expect(errorCode(await app.gql(CREATE_DRAFT, {}, await app.login(email)))).toBe('FORBIDDEN');
    }
  });

  it('the database itself refuses to change criteria of a published version', async () => {
    const published = `(SELECT id FROM rubric_version WHERE status = 'PUBLISHED')`;
    await expect(
      app.server.database.dataSource.query(
        `UPDATE criterion SET weight = 1 WHERE code = 'R1' AND rubric_version_id = ${published}`,
      ),
    ).rejects.toThrow(/cannot change/);
    const [r1] = (await app.server.database.dataSource.query(
      `SELECT weight FROM criterion WHERE code = 'R1' AND rubric_version_id = ${published}`,
    )) as Array<{ weight: number }>;
    expect(Number(r1!.weight)).toBe(10);
  });

  it.each([
    ['no criteria', () => [], 'input.criteria'],
    ['a duplicate code', () => [...DEFAULT_RUBRIC.map(asInput), asInput(DEFAULT_RUBRIC[0]!)], 'input.criteria[0].code'],
    [
      'a zero weight',
      () => DEFAULT_RUBRIC.map((c, i) => (i === 2 ? { ...asInput(c), weight: 0 } : asInput(c))),
      'input.criteria[2].weight',
    ],
    [
      'a negative weight',
      () => DEFAULT_RUBRIC.map((c, i) => (i === 4 ? { ...asInput(c), weight: -5 } : asInput(c))),
      'input.criteria[4].weight',
    ],
  ])('refuses a draft with %s, naming the field, leaving the draft as it was', async (_label, criteria, field) => {
    const before = await criteriaRows(app, draftId);
    const result = await app.gql(UPDATE_DRAFT, { id: draftId, input: { criteria: criteria() } }, admin);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect(await criteriaRows(app, draftId)).toEqual(before);
  });
});

describe('publishing a rubric version', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => ({ app, admin } = await startTestAppAsAdmin()));
  afterAll(() => app?.close());

  it('drafts a new version from the active one, edits it, publishes it, and freezes it', async () => {
    const draft = (await app.gql<{ createRubricDraft: { id: string; number: number; status: string } }>(CREATE_DRAFT, {}, admin))
      .data!.createRubricDraft;
    expect(draft).toMatchObject({ number: 2, status: 'DRAFT' });
    expect(errorCode(await app.gql(CREATE_DRAFT, {}, admin))).toBe('CONFLICT');

    // Reweight R1/R2 and add a rule.
    const criteria = DEFAULT_RUBRIC.map(asInput);
    criteria[0] = { ...criteria[0]!, weight: 8 };
    criteria[1] = { ...criteria[1]!, weight: 7 };
    criteria.push({ ...criteria[9]!, code: 'R11', titleEs: 'Cerrar con un resumen', titleEn: 'Close with a summary' });
    const updated = await app.gql(UPDATE_DRAFT, { id: draft.id, input: { criteria } }, admin);
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateRubricDraft.criteria).toHaveLength(11);

    // A draft may be saved with any total, but publishing asks for 100.
    const over = await app.gql(PUBLISH, { id: draft.id }, admin);
    expect(errorCode(over)).toBe('BAD_USER_INPUT');
    expect(over.errors![0]!.message).toBe('The weights must add up to 100 to publish; they add up to 105');
    criteria[2] = { ...criteria[2]!, weight: 10 };
    expect((await app.gql(UPDATE_DRAFT, { id: draft.id, input: { criteria } }, admin)).errors).toBeUndefined();

    const published = await app.gql(PUBLISH, { id: draft.id }, admin);
    expect(published.data!.publishRubricVersion).toMatchObject({ number: 2, status: 'PUBLISHED' });
    const active = await app.gql<{ activeRubric: { number: number; criteria: Criterion[] } }>(ACTIVE, {}, admin);
    expect(active.data!.activeRubric.number).toBe(2);
    expect(active.data!.activeRubric.criteria.map((c) => c.code)).toContain('R11');
    const versions = await app.gql('{ rubricVersions { number status } }', {}, admin);
    expect(versions.data!.rubricVersions).toEqual([
      { number: 2, status: 'PUBLISHED' },
      { number: 1, status: 'ARCHIVED' },
    ]);

    const change = await app.gql(UPDATE_DRAFT, { id: draft.id, input: { criteria } }, admin);
    expect(errorCode(change)).toBe('BAD_USER_INPUT');
    expect(change.errors![0]!.message).toMatch(/published and can never change/);
    expect(errorCode(await app.gql(PUBLISH, { id: draft.id }, admin))).toBe('BAD_USER_INPUT');
  });
});
