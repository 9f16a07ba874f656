import type { Routes } from '@angular/router';
import { roleGuard, signedInGuard } from './core/auth/guards';

export const routes: Routes = [
  { path: 'login', loadComponent: () => import('./features/auth/login.component').then((m) => m.LoginComponent) },
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./shell/shell.component').then((m) => m.ShellComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'rubric' },
      {
        path: 'rubric',
        loadComponent: () => import('./features/rubric/rubric-page.component').then((m) => m.RubricPageComponent),
      },
      {
        path: 'feedback',
        canActivate: [roleGuard],
        data: { roles: ['AGENT'] },
        loadComponent: () => import('./features/feedback/feedback-page.component').then((m) => m.FeedbackPageComponent),
      },
      {
        path: 'queue',
        canActivate: [roleGuard],
        data: { roles: ['ADMIN', 'EVALUATOR', 'COACH'] },
        loadComponent: () => import('./features/scoring/queue-page.component').then((m) => m.QueuePageComponent),
      },
      {
        path: 'evaluations/:id',
        canActivate: [roleGuard],
        data: { roles: ['ADMIN', 'EVALUATOR', 'COACH'] },
        loadComponent: () => import('./features/scoring/scoring-page.component').then((m) => m.ScoringPageComponent),
      },
      { path: '**', loadComponent: () => import('./shell/not-found.component').then((m) => m.NotFoundComponent) },
    ],
  },
];
