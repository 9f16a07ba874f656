import { Role } from '../common/roles.js';

/** Every demo account uses this password; it is printed at start and in the README. */
export const DEMO_PASSWORD = 'decalogo-demo';

export interface DemoAccount {
  email: string;
  name: string;
  roles: Role[];
  /** The team the user belongs to (agents) … */
  team?: string;
  /** … or coaches. */
  coaches?: string;
}

export const DEMO_TEAMS = ['Postventa', 'Cobranzas'] as const;

const AGENT_NAMES = [
  'Lucía Fernández',
  'Mateo García',
  'Valentina Rodríguez',
  'Hugo Martínez',
  'Camila López',
  'Diego Sánchez',
  'Martina Pérez',
  'Pablo Gómez',
  'Sofía Díaz',
  'Javier Romero',
];

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@demo.test', name: 'Ana Administradora', roles: [Role.ADMIN] },
  { email: 'evaluator@demo.test', name: 'Elena Evaluadora', roles: [Role.EVALUATOR] },
  { email: 'evaluator2@demo.test', name: 'Ernesto Evaluador', roles: [Role.EVALUATOR] },
  { email: 'coach@demo.test', name: 'Carmen Coach', roles: [Role.COACH], coaches: 'Postventa' },
  { email: 'coach2@demo.test', name: 'Carlos Coach', roles: [Role.COACH], coaches: 'Cobranzas' },
  ...AGENT_NAMES.map((name, i) => ({
    email: `agent${i + 1}@demo.test`,
    name,
    roles: [Role.AGENT],
    team: i < 5 ? 'Postventa' : 'Cobranzas',
  })),
];
