import { describe, expect, it } from 'vitest';
import { secretKindOf } from './names.js';

describe('secret names', () => {
  it.each([
    ['password', 'password'], ['DB_PASSWORD', 'password'], ['dbPassword', 'password'], ['db-password', 'password'], ['$password', 'password'],
    ['passwd', 'password'], ['pwd', 'password'], ['adminpassword', 'password'], ['DB_PASSWORD_PROD', 'password'], ['spring.datasource.password', 'password'],
    ['secret', 'secret'], ['SECRET_KEY', 'secret'], ['app.secret_key', 'secret'], ['sessionSecret', 'secret'], ['cookie_secret', 'secret'],
    ['jwtSecret', 'secret'], ['JWT_SECRET', 'secret'], ['clientSecret', 'secret'], ['secretOrKey', 'secret'], ['aws_secret_access_key', 'secret'],
    ['SECRET_KEY_BASE', 'secret'], ['token', 'token'], ['accessToken', 'token'], ['GITHUB_TOKEN', 'token'], ['authtoken', 'token'],
    ['Authorization', 'token'], ['apiKey', 'key'], ['API_KEY', 'key'], ['apikey', 'key'], ['x-api-key', 'key'], ['privateKey', 'key'],
    ['private_key', 'key'], ['accessKey', 'key'], ['auth_key', 'key'], ['encryptionKey', 'key'], ['APP_KEY', 'key'],
  ])('%s holds a %s', (name, kind) => {
    expect(secretKindOf(name)).toBe(kind);
  });

  it.each([
    'passwordMinLength', 'passwordHint', 'PASSWORD_REQUIRED', 'LABEL_PASSWORD', 'passwordField', 'forgotPassword', 'resetPasswordUrl',
    'passwordHash', 'password_salt', 'tokenType', 'tokenUrl', 'csrfToken', 'nextToken', 'cancelToken', 'max_tokens', 'tokenizer',
    'publicKey', 'primary_key', 'cacheKey', 'key', 'keys', 'ACCESS_KEY_ID', 'secretName', 'secretary', 'privateKeyPath', 'username', 'credentials',
    'isPasswordVisible', 'showSecret', 'recaptchaSiteKey',
  ])('%s does not hold a secret', (name) => {
    expect(secretKindOf(name)).toBeUndefined();
  });
});
