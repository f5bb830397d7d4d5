'use strict';
// node server.js: the login demo on HOST:PORT (default 127.0.0.1:3001); the password from LOGIN_APP_PASSWORD.
const { createApp } = require('./app.js');

const password = process.env.LOGIN_APP_PASSWORD;
if (!password) {
  process.stderr.write('login-app: set LOGIN_APP_PASSWORD (the password of the user admin)\n');
  process.exit(2);
}
createApp({ password, fixed: process.env.DEMO_FIXED === '1', slowMs: Number(process.env.SLOW_MS || 0) }).then(({ server, counts }) => {
  server.listen(Number(process.env.PORT || 3001), process.env.HOST || '127.0.0.1');
  // What was requested, by path, when the app is stopped: the access log a test or a person checks.
  process.on('SIGTERM', () => {
    process.stdout.write(`${JSON.stringify(counts)}\n`);
    process.exit(0);
  });
});
