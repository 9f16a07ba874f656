import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AccessService, LIST_COLUMNS } from '../access/access.service.js';
import type { Actor } from '../auth/actor.js';
import { AuthService } from '../auth/auth.service.js';
import { HashGate } from '../auth/hash-gate.js';
import { LoginThrottle } from '../auth/login-throttle.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { passwordPolicyProblem } from '../auth/password-policy.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, forbidden, notFound } from '../common/errors.js';
import { Role } from '../common/roles.js';
import type { Locale } from '../common/roles.js';
import { TeamEntity } from '../team/entities/team.entity.js';
import type { CreateUserInput, UpdateUserInput } from './dto/user.inputs.js';
import { UserEntity } from './entities/user.entity.js';
import { TransactionalConnection } from '../common/transactional-connection.js';

/** What the audit log keeps of a user: never the password hash. */
const auditView = (u: UserEntity) => ({
  email: u.email,
  name: u.name,
  roles: u.roles,
  active: u.active,
  locale: u.locale,
  teamId: u.teamId,
});

const SELF_EDITABLE: ReadonlySet<keyof UpdateUserInput> = new Set(['locale', 'password', 'currentPassword']);

@Injectable()
export class UserService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly hashGate: HashGate,
    private readonly throttle: LoginThrottle,
    private readonly auth: AuthService,
  ) {}

  async list(actor: Actor, filter: { role?: Role | null; teamId?: string | null }): Promise<UserEntity[]> {
    const query = this.db.getRepository(UserEntity).createQueryBuilder('u').orderBy('u.name').addOrderBy('u.email');
    if (filter.role) query.andWhere(':role = ANY(u.roles)', { role: filter.role });
    if (filter.teamId) query.andWhere('u.team_id = :teamId', { teamId: filter.teamId });
    // Coaches see the people of the teams they coach; everybody sees themselves.
    const visible = await this.access.listScope(actor, 'users.read', LIST_COLUMNS.user);
    if (visible) query.andWhere(visible.sql, visible.params);
    return query.getMany();
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw notFound('User');
    return user;
  }

  async create(actor: Actor, input: CreateUserInput): Promise<UserEntity> {
    const email = input.email.trim().toLowerCase();
    const problem = passwordPolicyProblem(input.password, { email, name: input.name });
    if (problem) throw badInput(problem, 'input.password');
    const passwordHash = await this.hashGate.run(() => hashPassword(input.password));
    return this.db.transaction(async (manager) => {
      await this.assertEmailFree(manager, email);
      if (input.teamId) await this.assertTeamExists(manager, input.teamId);
      const user = manager.create(UserEntity, {
        email,
        name: input.name.trim(),
        roles: input.roles,
        passwordHash,
        locale: (input.locale ?? 'es') as Locale,
        teamId: input.teamId ?? null,
        active: true,
      });
      await manager.save(user);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'user.create',
        entityType: 'User',
        entityId: user.id,
        after: auditView(user),
      });
      return user;
    });
  }

  async update(actor: Actor, id: string, input: UpdateUserInput): Promise<UserEntity> {
    // Someone the caller does not see is NOT_FOUND, as a missing id; anyone else but themselves
    // FORBIDDEN unless they manage users (docs/access-table.md).
    await this.access.require(actor, 'users.update', id);
    const isAdmin = await this.access.allows(actor, 'users.manage');
    const isSelf = actor.id === id;
    if (!isAdmin) {
      const notAllowed = (Object.keys(input) as Array<keyof UpdateUserInput>).filter(
        (key) => input[key] !== undefined && !SELF_EDITABLE.has(key),
      );
      if (notAllowed.length) throw forbidden(`Only an administrator can change ${notAllowed.join(', ')}.`);
    }
    if (isSelf && isAdmin && (input.active === false || (input.roles && !input.roles.includes(Role.ADMIN)))) {
      throw badInput(
        'Administrators cannot deactivate themselves or remove their own ADMIN role.',
        input.active === false ? 'input.active' : 'input.roles',
      );
    }
    if (input.password !== undefined) {
      await this.checkNewPassword(id, input.password, input.name, isSelf ? { current: input.currentPassword ?? '' } : null);
    }
    const password = input.password;
    const passwordHash = password !== undefined ? await this.hashGate.run(() => hashPassword(password)) : undefined;

    return this.db.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('User');
      const before = auditView(user);
      if (input.name !== undefined) user.name = input.name.trim();
      if (input.roles !== undefined) user.roles = input.roles;
      if (input.active !== undefined && input.active !== user.active) {
        user.active = input.active;
        user.tokenVersion += 1;
      }
      if (input.locale !== undefined) user.locale = input.locale as Locale;
      if (input.teamId !== undefined) {
        if (input.teamId !== null) await this.assertTeamExists(manager, input.teamId);
        user.teamId = input.teamId;
      }
      if (passwordHash !== undefined) {
        user.passwordHash = passwordHash;
        user.tokenVersion += 1;
      }
      await manager.save(user);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: passwordHash !== undefined ? 'user.update+password' : 'user.update',
        entityType: 'User',
        entityId: user.id,
        before,
        after: auditView(user),
      });
      return user;
    });
  }

  /**
   * The new password must pass the password rules (auth/password-policy.ts) for this person.
   * Changing one's own password also proves knowledge of the current one (`currentPassword` is
   * null for an administrator setting someone else's): each check is counted first under the
   * sign-in throttle's atomic counter, keyed by user, so parallel guesses cannot all be checked;
   * once the limit is reached the user's sessions end, since the token is in a guesser's hands.
   * `self` is null when an administrator sets someone else's password.
   */
  private async checkNewPassword(
    id: string,
    password: string,
    newName: string | undefined,
    self: { current: string } | null,
  ): Promise<void> {
    const user = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id })
      .getOne();
    if (!user) throw notFound('User');
    const problem = passwordPolicyProblem(password, { email: user.email, name: newName ?? user.name });
    if (problem) throw badInput(problem, 'input.password');
    if (self === null) return;
    const currentPassword = self.current;
    if (!currentPassword) throw badInput('The current password is wrong.', 'input.currentPassword');
    let admission: Awaited<ReturnType<LoginThrottle['admitCurrentPassword']>>;
    try {
      admission = await this.throttle.admitCurrentPassword(id);
    } catch (error) {
      await this.auth.logout(id);
      throw error;
    }
    let checked = false;
    let valid: boolean;
    try {
      valid = await this.hashGate.run(() => {
        checked = true;
        return verifyPassword(user.passwordHash, currentPassword);
      });
    } catch (error) {
      if (!checked) await this.throttle.giveBackAll(admission);
      throw error;
    }
    if (!valid) {
      if (admission.exhausted) await this.auth.logout(id);
      throw badInput('The current password is wrong.', 'input.currentPassword');
    }
    await this.throttle.succeeded(admission);
  }

  private async assertEmailFree(manager: EntityManager, email: string): Promise<void> {
    if (await manager.exists(UserEntity, { where: { email } })) {
      throw badInput(`A user with the email ${email} already exists.`, 'input.email');
    }
  }

  async assertTeamExists(manager: EntityManager, teamId: string): Promise<void> {
    if (!(await manager.exists(TeamEntity, { where: { id: teamId } }))) {
      throw badInput('No team has this id.', 'input.teamId');
    }
  }

  /** Users by id among those with a role; the message names the ids that are not. */
  async requireWithRole(manager: EntityManager, ids: readonly string[], role: Role, field: string): Promise<UserEntity[]> {
    if (!ids.length) return [];
    const users = await manager.findBy(UserEntity, { id: In([...ids]) });
    const ok = new Set(users.filter((u) => u.roles.includes(role)).map((u) => u.id));
    const missing = ids.filter((id) => !ok.has(id));
    if (missing.length) throw badInput(`These ids are not users with the ${role} role: ${missing.join(', ')}.`, field);
    return users;
  }
}
