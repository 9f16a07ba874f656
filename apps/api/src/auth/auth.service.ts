import { Injectable } from '@nestjs/common';
import { unauthenticated } from '../common/errors.js';
import { UserEntity } from '../user/entities/user.entity.js';
import { burnVerification, PASSWORD_MAX_LENGTH, passwordLength, truncatePassword, verifyPassword } from './password.js';
import { LoginThrottle } from './login-throttle.js';
import { HashGate } from './hash-gate.js';
import { DeviceCookies } from './device-cookie.js';
import { TokenService } from './token.service.js';
import { TransactionalConnection } from '../common/transactional-connection.js';

/** One message for every failed sign-in, so the answer never tells which accounts exist. */
export const LOGIN_FAILED = 'Wrong email or password.';

export interface SignedIn {
  token: string;
  expiresAt: Date;
  user: UserEntity;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly hashGate: HashGate,
    private readonly devices: DeviceCookies,
  ) {}

  /**
   * `address` is the client's IP address and `cookies` its Cookie header (for a device cookie),
   * for the throttle. The attempt is counted before the password is checked (see LoginThrottle).
   */
  async login(email: string, password: string, address: string, cookies: string | undefined): Promise<SignedIn> {
    const normalized = email.trim().toLowerCase();
    const admission = await this.throttle.admitSignIn(normalized, address, this.devices.deviceFor(normalized, cookies));
    let checked = false;
    try {
      const signedIn = await this.hashGate.run(() => {
        checked = true;
        return this.verify(normalized, password);
      });
      await this.throttle.succeeded(admission);
      return signedIn;
    } catch (error) {
      // Refused by the hash cap: no password was checked, so the attempt does not count.
      if (!checked) await this.throttle.giveBackAll(admission);
      throw error;
    }
  }

  private async verify(normalized: string, password: string): Promise<SignedIn> {
    const user =
      normalized.length <= 254
        ? await this.db
            .getRepository(UserEntity)
            .createQueryBuilder('u')
            .addSelect('u.passwordHash')
            .where('u.email = :email', { email: normalized })
            .getOne()
        : null;
    if (!user || passwordLength(password) > PASSWORD_MAX_LENGTH) {
      await burnVerification(truncatePassword(password));
      throw unauthenticated(LOGIN_FAILED);
    }
    const valid = await verifyPassword(user.passwordHash, password);
    if (!valid || !user.active) throw unauthenticated(LOGIN_FAILED);
    const { token, expiresAt } = this.tokens.sign({ sub: user.id, tv: user.tokenVersion });
    return { token, expiresAt, user };
  }

  /** A device cookie for a browser that has just signed in to `email`. */
  deviceCookie(email: string, secure: boolean) {
    return this.devices.issue(email, secure);
  }

  /** Signs the user out everywhere: every token issued before stops working. */
  async logout(userId: string): Promise<void> {
    await this.db.getRepository(UserEntity).increment({ id: userId }, 'tokenVersion', 1);
  }
}
