import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { TokenService } from '../auth/token.service.js';
import type { AppConfig } from '../config/config.js';
import { rateLimitMiddleware, RequestRateLimiter } from './rate-limit.js';

/** Paths that cost the API work; static files of the web app are not rate limited. */
const LIMITED_PREFIXES = ['/graphql', '/api/'];

/** Paths whose answers may carry personal data: no browser or proxy may keep a copy. */
const PRIVATE_PREFIXES = ['/graphql', '/api/'];

/** One year, subdomains included: what browsers' preload lists expect. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The Content-Security-Policy the web app runs under (a browser journey fails on any violation).
 * Styles allow 'unsafe-inline' because Angular adds component styles as <style> elements; no
 * inline script is allowed. Recordings may live on another host, so media may come from any
 * http(s) URL.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  mediaSrc: ["'self'", 'https:', 'http:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  // Served over plain HTTP on a laptop; behind TLS, HSTS (sent on HTTPS requests) does the upgrading.
  upgradeInsecureRequests: null,
};

/**
 * Security headers, CORS limited to the configured origins, the client address behind trusted
 * proxies, and the per-client request rate limit. Returns what must be closed on shutdown.
 */
export function applyHttpSecurity(app: NestExpressApplication, config: AppConfig): { close(): void } {
  app.set('trust proxy', config.trustProxyHops);
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      // The same as the CSP's frame-ancestors 'none', for browsers that read only this header.
      xFrameOptions: { action: 'deny' },
      // Sent below, and only over HTTPS: over plain HTTP it means nothing (RFC 6797 §7.2).
      strictTransportSecurity: false,
    }),
  );
  // `req.secure` is true over TLS, or behind TRUST_PROXY_HOPS trusted proxies that say
  // X-Forwarded-Proto: https; a client's own X-Forwarded-Proto is ignored otherwise.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
    next();
  });
  // Exports, import reports and GraphQL answers hold people's names, scores and comments.
  app.use(PRIVATE_PREFIXES, (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Without configured origins no CORS header is sent, so browsers allow same-origin pages only.
  app.enableCors({
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight'],
    maxAge: 600,
  });
  const tokens = app.get(TokenService);
  const limiter = new RequestRateLimiter(config.rateLimitPerMinute);
  const keyOf = (req: Request): string => {
    const header = req.headers.authorization;
    const claims = header?.startsWith('Bearer ') ? tokens.verify(header.slice(7)) : null;
    return claims ? `user:${claims.sub}` : `ip:${req.ip ?? 'unknown'}`;
  };
  app.use(LIMITED_PREFIXES, rateLimitMiddleware(limiter, keyOf));
  return limiter;
}
