import { describe, expect, it } from 'vitest';
import { tagSensitiveCode } from './tag.js';

const LOGIN = `const bcrypt = require('bcrypt');
const db = require('./db');

async function handle(req, res) {
  const user = await db.findUser(req.body.name);
  if (user && (await bcrypt.compare(req.body.password, user.hash))) {
    req.session.regenerate(() => res.redirect('/'));
  }
}

function formatDate(d) {
  return d.toISOString();
}
module.exports = { handle, formatDate };
`;

describe('security-sensitive code, from what it calls', () => {
  it('tags the function that checks a password and renews the session, not its neighbour', async () => {
    const tags = await tagSensitiveCode([{ path: 'src/routes/account.js', text: LOGIN }]);
    expect(tags.map((t) => [t.kind, t.function, t.startLine, t.endLine])).toEqual([
      ['authentication', 'handle', 4, 9],
      ['crypto', 'handle', 4, 9],
      ['session', 'handle', 4, 9],
    ]);
    expect(tags.find((t) => t.kind === 'authentication')?.evidence).toBe('calls bcrypt.compare (bcrypt)');
  });

  it('tags Python deserialization and leaves plain code alone', async () => {
    const tags = await tagSensitiveCode([
      { path: 'app/load.py', text: 'import pickle\n\ndef restore(blob):\n    return pickle.loads(blob)\n' },
      { path: 'app/math.py', text: 'def add(a, b):\n    return a + b\n' },
    ]);
    expect(tags.map((t) => [t.file, t.kind, t.function])).toEqual([['app/load.py', 'deserialization', 'restore']]);
  });
});
