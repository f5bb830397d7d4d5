import { describe, expect, it } from 'vitest';
import { rejectValue, shannonEntropy } from './values.js';

describe('value rules', () => {
  it('measures entropy in bits per character', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(shannonEntropy('pa4qacea4VK9t9nGv7yZtwmj')).toBeGreaterThan(4);
  });

  it.each([
    ['hunter2', 'password', false, undefined],
    ['keyboard cat', 'secret', false, undefined],
    ['f3a9c1e2b7d84c6a9e0f', 'token', false, undefined],
    ['kekse', 'secret', true, undefined],
    ['secret', 'secret', true, undefined],
    ['dev', 'secret', true, 'too short'],
    ['${SESSION_SECRET}', 'secret', true, 'a placeholder (reference)'],
    ['changeme', 'password', false, 'a placeholder (word)'],
    ['admin', 'password', false, 'too short'],
    ['three words apart', 'secret', false, 'prose'],
    ['pass word', 'password', false, 'prose'],
    ['shhhhhhhh', 'secret', false, 'too predictable'],
    ['production', 'token', false, 'a word'],
    ['https://api.shop.test/v1', 'key', false, 'a URL'],
    ['/etc/ssl/private/app.key', 'key', false, 'a file path'],
    ['DB_PASSWORD_FILE', 'password', false, "a variable's name"],
    ['auth.errors.password', 'password', false, 'a dotted key'],
    ['required|min:8|confirmed', 'password', false, 'a validation rule'],
    ['5f4dcc3b5aa765d61d8327deb882cf99', 'password', false, 'a password hash'],
    ['Passwort', 'password', false, 'a label'],
  ] as const)('%j as a %s (certain: %s): %s', (value, kind, framework, reason) => {
    expect(rejectValue(value, kind, framework)).toBe(reason);
  });
});
