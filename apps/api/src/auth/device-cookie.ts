import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions } from 'express';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.token.js';

const PREFIX = 'decalogo_device_';
const MAX_AGE_MS = 180 * 24 * 3600 * 1000;

/**
 * Device cookies (OWASP's "device cookies" against account lockout): a browser that has signed in
 * to an account gets a cookie, signed with HMAC-SHA256 under the JWT secret, naming that account
 * and a random device id. With it, that browser's sign-ins to that account are counted per device
 * instead of under the account-wide limit, so strangers failing against a known e-mail cannot
 * keep its owner out. One cookie per account (its name derives from the account), so people
 * sharing a workstation each keep theirs. httpOnly (no script reads it), SameSite=Strict (sent
 * only by the app's own pages), Secure behind TLS, and only sent to /graphql.
 */
@Injectable()
export class DeviceCookies {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private mac(text: string): string {
    return createHmac('sha256', this.config.jwtSecret).update(text).digest('base64url');
  }

  private nameFor(email: string): string {
    return PREFIX + this.mac(`device-cookie-name:${email}`).slice(0, 16).replace(/[-_]/g, 'x');
  }

  /** A new cookie for `email`: its name, value and attributes. */
  issue(email: string, secure: boolean): { name: string; value: string; options: CookieOptions } {
    const device = randomBytes(16).toString('base64url');
    return {
      name: this.nameFor(email),
      value: `${device}.${this.mac(`device:${email}:${device}`)}`,
      options: { httpOnly: true, sameSite: 'strict', secure, path: '/graphql', maxAge: MAX_AGE_MS },
    };
  }

  /** The device id of a valid cookie for `email` in a Cookie header, or null. */
  deviceFor(email: string, cookieHeader: string | undefined): string | null {
    if (!cookieHeader) return null;
    const name = this.nameFor(email);
    for (const part of cookieHeader.split(';')) {
      const at = part.indexOf('=');
      if (at < 0 || part.slice(0, at).trim() !== name) continue;
      const [device, mac] = part
        .slice(at + 1)
        .trim()
        .split('.');
      if (!device || !mac) continue;
      const expected = Buffer.from(this.mac(`device:${email}:${device}`));
      const given = Buffer.from(mac);
      if (given.length === expected.length && timingSafeEqual(given, expected)) return device;
    }
    return null;
  }
}
