import type { Routes } from '@angular/router';
import { SCREENS } from '@decalogo/access';
import type { ScreenName } from '@decalogo/access';
import { homeRedirect, screenGuard, signedInGuard } from './core/auth/guards';
import { unsavedChangesGuard } from './core/navigation/unsaved-changes.guard';

/** A screen of libs/access's map: its path, and a guard that lets in the roles that see it (the API checks again). */
const screen = (name: ScreenName) => ({ path: SCREENS[name].path, canActivate: [screenGuard], data: { screen: name } });

export const routes: Routes = [
  { path: 'login', loadComponent: () => import('./features/auth/login.component').then((m) => m.LoginComponent) },
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./shell/shell.component').then((m) => m.ShellComponent),
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeRedirect], children: [] },
      {
        ...screen('rubric'),
        loadComponent: () => import('./features/rubric/rubric-page.component').then((m) => m.RubricPageComponent),
      },
      {
        ...screen('feedback'),
        loadComponent: () => import('./features/feedback/feedback-page.component').then((m) => m.FeedbackPageComponent),
      },
      {
        ...screen('queue'),
        loadComponent: () => import('./features/scoring/queue-page.component').then((m) => m.QueuePageComponent),
      },
      {
        ...screen('evaluations'),
        loadComponent: () => import('./features/evaluations/evaluations-page.component').then((m) => m.EvaluationsPageComponent),
      },
      {
        ...screen('scoring'),
        loadComponent: () => import('./features/scoring/scoring-page.component').then((m) => m.ScoringPageComponent),
        canDeactivate: [unsavedChangesGuard],
      },
      {
        ...screen('disputes'),
        loadComponent: () => import('./features/disputes/disputes-page.component').then((m) => m.DisputesPageComponent),
      },
      {
        // `agents/me` is the signed-in agent's own page.
        ...screen('agent'),
        loadComponent: () => import('./features/progress/agent-page.component').then((m) => m.AgentPageComponent),
      },
      {
        ...screen('team'),
        loadComponent: () => import('./features/team/team-page.component').then((m) => m.TeamPageComponent),
      },
      {
        ...screen('coaching'),
        loadComponent: () => import('./features/coaching/coaching-list-page.component').then((m) => m.CoachingListPageComponent),
      },
      {
        // `?agent=<id>`: the plan starts from that agent's suggested focus.
        ...screen('newPlan'),
        loadComponent: () => import('./features/coaching/new-plan-page.component').then((m) => m.NewPlanPageComponent),
        canDeactivate: [unsavedChangesGuard],
      },
      {
        ...screen('plan'),
        loadComponent: () => import('./features/coaching/plan-page.component').then((m) => m.PlanPageComponent),
        canDeactivate: [unsavedChangesGuard],
      },
      {
        ...screen('admin'),
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
