import { defineTexts } from '../../core/i18n/texts';

/** Coaching plan statuses and methods, shown by the coaching screens, an agent's progress page and the agent's own feedback page. */
export const COACHING_PLAN_TEXTS = defineTexts({
  es: {
    'coaching.status.ACTIVE': 'Activo',
    'coaching.status.OVERDUE': 'Vencido',
    'coaching.status.COMPLETED': 'Completado',
    'coaching.status.CANCELLED': 'Cancelado',
    'coaching.method.SOCRATIC_QUESTIONING': 'Mayéutica',
    'coaching.method.DIALECTIC': 'Dialéctica',
    'coaching.method.CALL_REVIEW': 'Escucha de llamadas',
    'coaching.method.ROLE_PLAY': 'Role play',
    'coaching.method.SIDE_BY_SIDE': 'Práctica supervisada',
    'coaching.method.WORKSHOP': 'Taller',
    'coaching.method.SEMINAR': 'Seminario',
    'coaching.method.MOTIVATIONAL_TALK': 'Charla motivacional',
  },
  en: {
    'coaching.status.ACTIVE': 'Active',
    'coaching.status.OVERDUE': 'Overdue',
    'coaching.status.COMPLETED': 'Completed',
    'coaching.status.CANCELLED': 'Cancelled',
    'coaching.method.SOCRATIC_QUESTIONING': 'Socratic questioning',
    'coaching.method.DIALECTIC': 'Dialectic',
    'coaching.method.CALL_REVIEW': 'Call review',
    'coaching.method.ROLE_PLAY': 'Role play',
    'coaching.method.SIDE_BY_SIDE': 'Side-by-side practice',
    'coaching.method.WORKSHOP': 'Workshop',
    'coaching.method.SEMINAR': 'Seminar',
    'coaching.method.MOTIVATIONAL_TALK': 'Motivational talk',
  },
});
