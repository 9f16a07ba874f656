import type { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password.js';
import { TeamCoachEntity } from '../team/entities/team-coach.entity.js';
import { TeamEntity } from '../team/entities/team.entity.js';
import { UserEntity } from '../user/entities/user.entity.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TEAMS } from './demo-accounts.js';
import { seedDemoActivity } from './demo-activity.js';

/**
 * Seeds the demo organisation — people, teams, twelve weeks of calls and evaluations — into an
 * empty database (no users yet) and reports whether it did.
 * A database that already has people is never touched. The demo's twelve weeks end at `now`.
 */
export async function seedDemoData(dataSource: DataSource, now: Date = new Date()): Promise<boolean> {
  if ((await dataSource.getRepository(UserEntity).count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await dataSource.transaction(async (manager) => {
    const teams = new Map<string, string>();
    const users = new Map<string, { id: string; name: string; team: string | null }>();
    for (const name of DEMO_TEAMS) {
      const team = await manager.save(manager.create(TeamEntity, { name }));
      teams.set(name, team.id);
    }
    for (const account of DEMO_ACCOUNTS) {
      const user = await manager.save(
        manager.create(UserEntity, {
          email: account.email,
          name: account.name,
          roles: account.roles,
          passwordHash,
          locale: 'es',
          teamId: account.team ? teams.get(account.team)! : null,
        }),
      );
      if (account.coaches) await manager.insert(TeamCoachEntity, { teamId: teams.get(account.coaches)!, userId: user.id });
      users.set(account.email, { id: user.id, name: account.name, team: account.team ?? null });
    }
    await seedDemoActivity(manager, users, now);
  });
  return true;
}
