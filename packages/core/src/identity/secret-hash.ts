import { createHmac } from 'node:crypto';

const SECRET_SALT = 'pipewarden/secret/v1';

/** A salted hash that identifies a secret without revealing it; the value itself never enters a log. */
export function secretHash(value: string): string {
  return `hmac-sha256:${createHmac('sha256', SECRET_SALT).update(value).digest('hex').slice(0, 32)}`;
}
