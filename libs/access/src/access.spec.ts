import {
  ACCESS,
  ACTIONS,
  decide,
  EXCEPTIONS,
  homeScreen,
  isAction,
  mayTake,
  needsCoachedTeam,
  rolesFor,
  ROLES,
  SCREENS,
  scopeFor,
  screenRoles,
  seenWith,
} from './index.js';
import type { ScreenName } from './index.js';

const me = 'me';
const other = 'someone-else';

describe('the access table', () => {
  it('names only known actions, roles and exceptions', () => {
    for (const action of ACTIONS) {
      const rule = ACCESS[action] as { seenWith?: string; roles: Record<string, unknown>; exceptions?: readonly string[] };
      if (rule.seenWith !== undefined) expect(isAction(rule.seenWith)).toBe(true);
      for (const role of Object.keys(rule.roles)) expect(ROLES).toContain(role);
      for (const name of rule.exceptions ?? []) expect(Object.keys(EXCEPTIONS)).toContain(name);
    }
  });

  it('answers who may take an action, and with which scope', () => {
    expect(rolesFor('dispute.resolve')).toEqual(['ADMIN', 'EVALUATOR']);
    expect(rolesFor('evaluation.acknowledge')).toEqual(['AGENT']);
    expect(scopeFor('evaluation.read', 'COACH')).toEqual(['coached']);
    expect(scopeFor('users.read', 'COACH')).toEqual(['coached', 'own']);
    expect(scopeFor('audit.read', 'COACH')).toEqual([]);
    expect(mayTake(['COACH', 'AGENT'], 'coaching.manage')).toBe(true);
    expect(mayTake(['AGENT'], 'coaching.manage')).toBe(false);
    expect(mayTake([], 'session.signIn')).toBe(true);
    expect(seenWith('dispute.resolve')).toBe('evaluation.read');
    expect(seenWith('calls.read')).toBe('calls.read');
  });

  it('hides the drafts of others, whatever the scope, and shows authors their own work', () => {
    const draft = { owner: 'agent', author: other, status: 'DRAFT' };
    expect(decide('evaluation.read', { id: me, roles: ['ADMIN'] }, draft, false).allowed).toBe(false);
    expect(decide('evaluation.read', { id: other, roles: ['EVALUATOR'] }, draft, false).allowed).toBe(true);
    const submitted = { ...draft, status: 'SUBMITTED' };
    expect(decide('evaluation.read', { id: me, roles: ['ADMIN'] }, submitted, false).allowed).toBe(true);
    expect(decide('evaluation.read', { id: me, roles: ['COACH'] }, submitted, false).allowed).toBe(false);
    expect(decide('evaluation.read', { id: me, roles: ['COACH'] }, submitted, true).allowed).toBe(true);
    expect(decide('evaluation.read', { id: 'agent', roles: ['AGENT'] }, submitted, false).allowed).toBe(true);
  });

  it('refuses with the named exception’s reason', () => {
    const disputed = { owner: 'agent', author: me, status: 'DISPUTED' };
    expect(decide('dispute.resolve', { id: me, roles: ['EVALUATOR'] }, disputed, false)).toEqual({
      allowed: false,
      message: EXCEPTIONS.notByAuthor.message,
    });
    expect(decide('dispute.resolve', { id: 'agent', roles: ['EVALUATOR'] }, disputed, false)).toEqual({
      allowed: false,
      message: EXCEPTIONS.notAboutSelf.message,
    });
    expect(decide('evaluation.start', { id: me, roles: ['EVALUATOR'] }, { owner: me }, false)).toEqual({
      allowed: false,
      message: EXCEPTIONS.notOwnCall.message,
    });
  });

  it('asks whether the record is in a coached team only when nothing cheaper settles it', () => {
    const call = { owner: 'agent' };
    expect(needsCoachedTeam('calls.read', { id: me, roles: ['EVALUATOR'] }, call)).toBe(false);
    expect(needsCoachedTeam('calls.read', { id: me, roles: ['COACH'] }, call)).toBe(true);
    expect(needsCoachedTeam('calls.read', { id: me, roles: ['AGENT'] }, call)).toBe(false);
    expect(needsCoachedTeam('evaluation.start', { id: me, roles: ['COACH'] }, { owner: me })).toBe(false);
  });

  it('maps every screen to the roles that see it, and each role to its start screen', () => {
    const seen = Object.fromEntries((Object.keys(SCREENS) as ScreenName[]).map((name) => [name, screenRoles(name)]));
    expect(seen).toEqual({
      rubric: ['ADMIN', 'EVALUATOR', 'COACH', 'AGENT'],
      feedback: ['AGENT'],
      queue: ['ADMIN', 'EVALUATOR', 'COACH'],
      evaluations: ['ADMIN', 'EVALUATOR', 'COACH'],
      scoring: ['ADMIN', 'EVALUATOR', 'COACH'],
      disputes: ['ADMIN', 'EVALUATOR'],
      agent: ['ADMIN', 'COACH', 'AGENT'],
      myProgress: ['AGENT'],
      team: ['ADMIN', 'COACH'],
      coaching: ['ADMIN', 'COACH'],
      newPlan: ['ADMIN', 'COACH'],
      plan: ['ADMIN', 'COACH', 'AGENT'],
      admin: ['ADMIN'],
      sampling: ['ADMIN'],
      samplingPlan: ['ADMIN'],
    });
    expect(homeScreen(['ADMIN', 'COACH'])).toBe('team');
    expect(homeScreen(['EVALUATOR'])).toBe('queue');
    expect(homeScreen([])).toBe('rubric');
  });
});
