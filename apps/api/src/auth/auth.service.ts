import { Injectable } from '@nestjs/common';
import { unauthenticated } from '../common/errors.js';
import { UserEntity } from '../user/entities/user.entity.js';
import { burnVerification, PASSWORD_MAX_LENGTH, verifyPassword } from './password.js';
import { LoginThrottle } from './login-throttle.js';
import { TokenService } from './token.service.js';
import { TransactionalConnection } from '../common/transactional-connection.js';

/** One message for every failed sign-in, so the answer never tells which accounts exist. */
export const LOGIN_FAILED = 'Wrong email or password.';

@Injectable()
export class AuthService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
  ) {}

  /** `address` is the client's IP address, for the per-address throttle. */
  async login(email: string, password: string, address: string): Promise<{ token: string; expiresAt: Date; user: UserEntity }> {
    const normalized = email.trim().toLowerCase();
    await this.throttle.check(normalized, address);
    try {
      return await this.verify(normalized, password);
    } catch (error) {
      await this.throttle.recordFailure(normalized, address);
      throw error;
    }
  }

  private async verify(normalized: string, password: string): Promise<{ token: string; expiresAt: Date; user: UserEntity }> {
    const user =
      normalized.length <= 254
        ? await this.db
            .getRepository(UserEntity)
            .createQueryBuilder('u')
            .addSelect('u.passwordHash')
            .where('u.email = :email', { email: normalized })
            .getOne()
        : null;
    if (!user || password.length > PASSWORD_MAX_LENGTH) {
      await burnVerification(password.slice(0, PASSWORD_MAX_LENGTH));
      throw unauthenticated(LOGIN_FAILED);
    }
    const valid = await verifyPassword(user.passwordHash, password);
    if (!valid || !user.active) throw unauthenticated(LOGIN_FAILED);
    const { token, expiresAt } = this.tokens.sign({ sub: user.id, tv: user.tokenVersion });
    return { token, expiresAt, user };
  }

  /** Signs the user out everywhere: every token issued before stops working. */
  async logout(userId: string): Promise<void> {
    await this.db.getRepository(UserEntity).increment({ id: userId }, 'tokenVersion', 1);
  }
}
