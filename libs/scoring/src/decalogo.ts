import type { CriterionDefinition } from './rubric.js';

/**
 * The default rubric, version 1 of every organisation: the ten customer-care rules
 * ("El decálogo"), exactly as docs/rubric.md#the-ten-rules lists them. Weights sum to 100; R8 and R9 are
 * critical; R2, R6, R7 and R10 allow N/A.
 */
export const DEFAULT_RUBRIC: readonly CriterionDefinition[] = [
  {
    code: 'R1',
    position: 1,
    weight: 10,
    critical: false,
    naAllowed: false,
    title: { es: 'El cliente es el consumidor por excelencia', en: 'The customer is our consumer par excellence' },
    listenFor: {
      es: 'Trata a quien llama como el activo más valioso de la empresa: identifica al cliente y su necesidad real, y explica todo lo que un cliente (nuevo) necesita saber sobre el producto o servicio en lugar de suponer que es obvio.',
      en: "Treats the caller as the company's most valuable asset: identifies the customer and the real need, and explains everything a (new) customer needs to know about the product or service instead of assuming it is obvious.",
    },
  },
  {
    code: 'R2',
    position: 2,
    weight: 5,
    critical: false,
    naAllowed: true,
    title: { es: 'Cautivar con más y mejores servicios', en: 'Win the customer over with more and better services' },
    listenFor: {
      es: 'Cuando se ajusta a la situación del cliente, le ofrece algo que mejore su servicio (una versión superior, un plan mejor, una función útil) para que termine más satisfecho que cuando llamó. No aplica cuando no había nada razonable que ofrecer.',
      en: "Where it fits the customer's situation, offers something that improves their service (an upgrade, a better plan, a useful feature) so they leave more satisfied than they came. N/A when nothing could reasonably be offered.",
    },
  },
  {
    code: 'R3',
    position: 3,
    weight: 15,
    critical: false,
    naAllowed: false,
    title: {
      es: 'Cuidar al cliente: nunca maltratarlo ni ignorarlo',
      en: 'Care for the customer: never mistreat or ignore them',
    },
    listenFor: {
      es: 'No hay silencios sin explicación ni esperas largas; no se obliga al cliente a repetir datos que ya dio; las transferencias son asistidas (se traspasa el contexto); nunca se ignora al cliente ni se le deja sin respuesta o sin un siguiente paso.',
      en: 'No unexplained silences or long holds; the customer is not made to repeat data already given; transfers are warm (context handed over); the customer is never ignored or left without an answer or a next step.',
    },
  },
  {
    code: 'R4',
    position: 4,
    weight: 10,
    critical: false,
    naAllowed: false,
    title: { es: 'Razonar con argumentos y máximo respeto', en: 'Persuade with arguments and utmost respect' },
    listenFor: {
      es: 'Cuando el cliente se equivoca o pide algo imposible, el agente da razones y alternativas, nunca lo contradice de forma tajante y mantiene el máximo respeto.',
      en: 'When the customer is wrong or asks for something impossible, the agent gives reasons and alternatives, never contradicts bluntly, and keeps the utmost respect.',
    },
  },
  {
    code: 'R5',
    position: 5,
    weight: 15,
    critical: false,
    naAllowed: false,
    title: { es: 'El cliente nos da de comer: resolver', en: 'The customer keeps us in business: resolve' },
    listenFor: {
      es: 'Se hace cargo del problema hasta resolverlo o hasta asumir un compromiso concreto y con fecha; lo que cuenta es el resultado (no la sonrisa): lo acordado se cumple de verdad.',
      en: 'Owns the problem until it is solved or a concrete, dated commitment is made; the outcome (not the smile) is what counts: what was agreed is actually done.',
    },
  },
  {
    code: 'R6',
    position: 6,
    weight: 10,
    critical: false,
    naAllowed: true,
    title: { es: 'Llamar sin incomodar', en: 'Call the customer, never bother them' },
    listenFor: {
      es: 'En el contacto saliente: se identifica de inmediato e indica la empresa y el motivo de la llamada, llama desde un número que el cliente puede verificar (nunca con número oculto mientras pide datos personales), a una hora razonable, pide solo los datos necesarios y respeta el «no llamar». No aplica en llamadas entrantes sin componente saliente.',
      en: 'On outbound contact: identifies self, company and purpose at once, calls from a number the customer can verify (never a hidden caller ID while asking for personal data), at a reasonable time, asks only the data needed, respects "do not call". N/A on inbound calls with no outbound element.',
    },
  },
  {
    code: 'R7',
    position: 7,
    weight: 5,
    critical: false,
    naAllowed: true,
    title: { es: 'Inteligencia comercial', en: 'Commercial intelligence' },
    listenFor: {
      es: 'Usa lo que la empresa sabe (historial, scoring, ofertas) para proponer el producto adecuado en el momento adecuado, como una grata sorpresa y no como una presión. No aplica cuando el motivo de la llamada excluye cualquier acción comercial (p. ej., una reclamación formal en curso).',
      en: "Uses what the company knows (history, scoring, offers) to propose the right product at the right moment, with a pleasant surprise rather than pressure. N/A when the call's purpose rules out any commercial action (e.g. a formal complaint in progress).",
    },
  },
  {
    code: 'R8',
    position: 8,
    weight: 15,
    critical: true,
    naAllowed: false,
    title: { es: 'Nunca faltar el respeto ni levantar la voz; escalar', en: 'Never disrespect or raise your voice; escalate' },
    listenFor: {
      es: 'Nunca falta al respeto, levanta la voz ni muestra exasperación, haga lo que haga el cliente (salvo que atente contra los derechos del propio agente). Cuando el cliente pide hablar con un superior, se le comunica con uno (con un segundo y un tercero si hace falta) o se compromete una llamada de uno de ellos en una fecha concreta: «no hay nadie más» es un fallo.',
      en: 'Never disrespects, raises the voice, or shows exasperation, whatever the customer does (short of abusing the agent\'s own rights). When the customer asks for a superior, a superior is reached (a second and a third if needed) or a dated call-back from one is committed — "there is nobody else" is a failure.',
    },
  },
  {
    code: 'R9',
    position: 9,
    weight: 10,
    critical: true,
    naAllowed: false,
    title: { es: 'Conocer y respetar los derechos del cliente', en: "Know and respect the customer's rights" },
    listenFor: {
      es: 'Respeta los derechos legales del cliente: la información obligatoria, el consentimiento para el tratamiento de datos personales, el derecho a cancelar o a reclamar, y afirmaciones exactas sobre contratos y cargos; nunca obtiene datos con engaños.',
      en: "Respects the customer's legal rights: required disclosures, data-protection consent, right to cancel or complain, accurate statements about contracts and charges; never obtains data under false pretences.",
    },
  },
  {
    code: 'R10',
    position: 10,
    weight: 5,
    critical: false,
    naAllowed: true,
    title: { es: 'Ceder para fidelizar', en: 'Yield at times to earn loyalty' },
    listenFor: {
      es: 'Cuando la política lo permite, cede en un punto menor (un gesto de buena voluntad, la anulación de un cargo, flexibilidad con una fecha) si con ello se gana la fidelidad del cliente. No aplica cuando no surgió ningún conflicto ni petición.',
      en: "Where the policy allows, yields on a small point (a goodwill gesture, a waived fee, flexibility on a date) when it wins the customer's loyalty. N/A when no conflict or request arose.",
    },
  },
];
