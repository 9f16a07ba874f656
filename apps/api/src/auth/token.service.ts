import { createSecretKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { isUuid } from '../common/ids.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.token.js';

/** Pinned: a token signed any other way (including `alg: none`) is refused. */
const ALGORITHM = 'HS256' as const;
const ISSUER = 'decalogo';

export interface TokenClaims {
  sub: string;
  /** The user's token version when issued; a bump (password change, sign-out) revokes it. */
  tv: number;
}

@Injectable()
export class TokenService {
  /** Built once: given a string, jsonwebtoken would rebuild a key object on every call. */
  private readonly key: KeyObject;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  sign(claims: TokenClaims): { token: string; expiresAt: Date } {
    const token = jwt.sign({ tv: claims.tv }, this.key, {
      algorithm: ALGORITHM,
      expiresIn: this.config.jwtExpiresInSeconds,
      subject: claims.sub,
      issuer: ISSUER,
    });
    return { token, expiresAt: new Date(Date.now() + this.config.jwtExpiresInSeconds * 1000) };
  }

  /** The claims of a valid token, or null for anything else (bad signature, expired, malformed). */
  verify(token: string): TokenClaims | null {
    try {
      const payload = jwt.verify(token, this.key, { algorithms: [ALGORITHM], issuer: ISSUER });
      if (
        typeof payload !== 'object' ||
        typeof payload.sub !== 'string' ||
        !isUuid(payload.sub) ||
        typeof payload['tv'] !== 'number'
      ) {
        return null;
      }
      return { sub: payload.sub, tv: payload['tv'] };
    } catch {
      return null;
    }
  }
}
