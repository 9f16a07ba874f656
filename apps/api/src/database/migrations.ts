import { Foundation1795394764875 } from '../../../../migrations/1795394764875-Foundation.js';
import { CallsAndEvaluations1795397088219 } from '../../../../migrations/1795397088219-CallsAndEvaluations.js';
import { CoachingPlans1795398945679 } from '../../../../migrations/1795398945679-CoachingPlans.js';
import { LoginThrottle1795480000000 } from '../../../../migrations/1795480000000-LoginThrottle.js';
import { LoginAttempt1795490000000 } from '../../../../migrations/1795490000000-LoginAttempt.js';
import { ShortImportErrors1795500000000 } from '../../../../migrations/1795500000000-ShortImportErrors.js';
import { Sampling1795510000000 } from '../../../../migrations/1795510000000-Sampling.js';

/** Every migration in order. A new one is appended here when it is added to migrations/. */
export const MIGRATIONS = [
  Foundation1795394764875,
  CallsAndEvaluations1795397088219,
  CoachingPlans1795398945679,
  LoginThrottle1795480000000,
  LoginAttempt1795490000000,
  ShortImportErrors1795500000000,
  Sampling1795510000000,
];
