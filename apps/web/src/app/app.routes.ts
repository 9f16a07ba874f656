import type { Routes } from '@angular/router';
import { homeRedirect, roleGuard, signedInGuard } from './core/auth/guards';
import type { Role } from './core/auth/session.service';
import { unsavedChangesGuard } from './core/navigation/unsaved-changes.guard';

/** Route data for `roleGuard`: who may open the screen (the API checks again). */
const only = (...roles: Role[]) => ({ canActivate: [roleGuard], data: { roles } });

const STAFF: Role[] = ['ADMIN', 'EVALUATOR', 'COACH'];

export const routes: Routes = [
  { path: 'login', loadComponent: () => import('./features/auth/login.component').then((m) => m.LoginComponent) },
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./shell/shell.component').then((m) => m.ShellComponent),
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeRedirect], children: [] },
      {
        path: 'rubric',
        loadComponent: () => import('./features/rubric/rubric-page.component').then((m) => m.RubricPageComponent),
      },
      {
        path: 'feedback',
        ...only('AGENT'),
        loadComponent: () => import('./features/feedback/feedback-page.component').then((m) => m.FeedbackPageComponent),
      },
      {
        path: 'queue',
        ...only(...STAFF),
        loadComponent: () => import('./features/scoring/queue-page.component').then((m) => m.QueuePageComponent),
      },
      {
        path: 'evaluations',
        ...only(...STAFF),
        loadComponent: () => import('./features/evaluations/evaluations-page.component').then((m) => m.EvaluationsPageComponent),
      },
      {
        path: 'evaluations/:id',
        ...only(...STAFF),
        loadComponent: () => import('./features/scoring/scoring-page.component').then((m) => m.ScoringPageComponent),
        canDeactivate: [unsavedChangesGuard],
      },
      {
        path: 'disputes',
        ...only('ADMIN', 'EVALUATOR'),
        loadComponent: () => import('./features/disputes/disputes-page.component').then((m) => m.DisputesPageComponent),
      },
      {
        // `agents/me` is the signed-in agent's own page.
        path: 'agents/:id',
        ...only('ADMIN', 'COACH', 'AGENT'),
        loadComponent: () => import('./features/progress/agent-page.component').then((m) => m.AgentPageComponent),
      },
      {
        path: 'team',
        ...only('ADMIN', 'COACH'),
        loadComponent: () => import('./features/team/team-page.component').then((m) => m.TeamPageComponent),
      },
      {
        path: 'coaching',
        ...only('ADMIN', 'COACH'),
        loadComponent: () => import('./features/coaching/coaching-list-page.component').then((m) => m.CoachingListPageComponent),
      },
      {
        // `?agent=<id>`: the plan starts from that agent's suggested focus.
        path: 'coaching/new',
        ...only('ADMIN', 'COACH'),
        loadComponent: () => import('./features/coaching/new-plan-page.component').then((m) => m.NewPlanPageComponent),
        canDeactivate: [unsavedChangesGuard],
      },
      {
        path: 'coaching/:id',
        ...only('ADMIN', 'COACH', 'AGENT'),
        loadComponent: () => import('./features/coaching/plan-page.component').then((m) => m.PlanPageComponent),
        canDeactivate: [unsavedChangesGuard],
      },
      {
        path: 'admin',
        ...only('ADMIN'),
        loadComponent: () => import('./features/admin/admin-layout.component').then((m) => m.AdminLayoutComponent),
        children: [
          { path: '', pathMatch: 'full', redirectTo: 'users' },
          {
            path: 'users',
            loadComponent: () => import('./features/admin/people/users-page.component').then((m) => m.UsersPageComponent),
          },
          {
            path: 'teams',
            loadComponent: () => import('./features/admin/people/teams-page.component').then((m) => m.TeamsPageComponent),
          },
          {
            path: 'rubric',
            loadComponent: () =>
              import('./features/admin/rubric-editor/rubric-editor-page.component').then((m) => m.RubricEditorPageComponent),
            canDeactivate: [unsavedChangesGuard],
          },
          {
            path: 'imports',
            loadComponent: () => import('./features/admin/imports/import-page.component').then((m) => m.ImportPageComponent),
          },
          {
            path: 'audit',
            loadComponent: () => import('./features/admin/audit/audit-page.component').then((m) => m.AuditPageComponent),
          },
        ],
      },
      { path: '**', loadComponent: () => import('./shell/not-found.component').then((m) => m.NotFoundComponent) },
    ],
  },
];
