import { DEFAULT_RUBRIC } from './decalogo.js';
import { validateRubricCriteria } from './rubric.js';

describe('the default decálogo (docs/rubric.md#the-ten-rules)', () => {
  it('has R1–R10 in order, positions 1–10, weights summing to 100', () => {
    expect(DEFAULT_RUBRIC.map((c) => c.code)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10']);
    expect(DEFAULT_RUBRIC.map((c) => c.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(DEFAULT_RUBRIC.map((c) => c.weight)).toEqual([10, 5, 15, 10, 15, 10, 5, 15, 10, 5]);
    expect(DEFAULT_RUBRIC.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
  });

  it('R8 and R9 are the only critical ones; R2, R6, R7, R10 the only ones allowing N/A', () => {
    expect(DEFAULT_RUBRIC.filter((c) => c.critical).map((c) => c.code)).toEqual(['R8', 'R9']);
    expect(DEFAULT_RUBRIC.filter((c) => c.naAllowed).map((c) => c.code)).toEqual(['R2', 'R6', 'R7', 'R10']);
  });

  it('has the titles of the table, verbatim, in both languages', () => {
    expect(DEFAULT_RUBRIC.map((c) => [c.title.es, c.title.en])).toEqual([
      ['El cliente es el consumidor por excelencia', 'The customer is our consumer par excellence'],
      ['Cautivar con más y mejores servicios', 'Win the customer over with more and better services'],
      ['Cuidar al cliente: nunca maltratarlo ni ignorarlo', 'Care for the customer: never mistreat or ignore them'],
      ['Razonar con argumentos y máximo respeto', 'Persuade with arguments and utmost respect'],
      ['El cliente nos da de comer: resolver', 'The customer keeps us in business: resolve'],
      ['Llamar sin incomodar', 'Call the customer, never bother them'],
      ['Inteligencia comercial', 'Commercial intelligence'],
      ['Nunca faltar el respeto ni levantar la voz; escalar', 'Never disrespect or raise your voice; escalate'],
      ['Conocer y respetar los derechos del cliente', "Know and respect the customer's rights"],
      ['Ceder para fidelizar', 'Yield at times to earn loyalty'],
    ]);
  });

  it('has what an evaluator listens for in both languages', () => {
    expect(DEFAULT_RUBRIC[2]!.listenFor.en).toBe(
      'No unexplained silences or long holds; the customer is not made to repeat data already given; transfers are warm (context handed over); the customer is never ignored or left without an answer or a next step.',
    );
    expect(DEFAULT_RUBRIC[8]!.listenFor.en).toBe(
      "Respects the customer's legal rights: required disclosures, data-protection consent, right to cancel or complain, accurate statements about contracts and charges; never obtains data under false pretences.",
    );
    for (const c of DEFAULT_RUBRIC) {
      expect(c.listenFor.es.length).toBeGreaterThan(80);
      expect(c.listenFor.en.length).toBeGreaterThan(80);
      // The texts say when N/A applies exactly for the criteria that allow it.
      expect([c.code, c.listenFor.en.includes('N/A')]).toEqual([c.code, c.naAllowed]);
      expect([c.code, c.listenFor.es.includes('No aplica')]).toEqual([c.code, c.naAllowed]);
    }
  });

  it('is a valid rubric', () => {
    expect(validateRubricCriteria(DEFAULT_RUBRIC)).toEqual([]);
  });
});
