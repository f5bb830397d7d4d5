import { describe, expect, it } from 'vitest';
import { findSecrets, type SecretHit } from './detect.js';

/** What a test reads of a hit: name (or label), how it was known, the value, and where the value is. */
function found(text: string, path: string) {
  const lines = text.split('\n');
  return findSecrets(text, path).map((hit: SecretHit) => {
    // The region must cover exactly the value, so identity hashes the secret and nothing else.
    if (hit.startLine === hit.endLine) expect(lines[hit.startLine - 1]!.slice(hit.startColumn - 1, hit.endColumn - 1)).toBe(hit.value);
    return { name: hit.label ?? hit.name, source: hit.source, framework: hit.framework, fallback: hit.fallback, value: hit.value, line: hit.startLine };
  });
}

describe('findSecrets', () => {
  it('an Express app: the express-session and cookie-parser secrets, a JWT secret, an HMAC key; not env lookups', () => {
    const app = [
      "const session = require('express-session');",
      'const app = express();',
      'app.use(session({',
      "  secret: 'keyboard cat',",
      '  resave: false,',
      '  saveUninitialized: true,',
      '}));',
      "app.use(cookieParser('kekse'));",
      "const apiKey = process.env.API_KEY;",
      "const sessionSecret = process.env.SESSION_SECRET || 'Sup3r-s3cret-v4lue';",
      "const token = jwt.sign({ id: user.id, role }, 'my-jwt-signing-key-2024', { expiresIn: '1h' });",
      "export const hmac = (data) => crypto.createHmac('sha256', 'pa4qacea4VK9t9nGv7yZtwmj').update(data).digest('hex');",
      "const options = { secret: 'not-a-session-option-1' };",
      "if (password === 'letmein123') {}",
      "const sql = \"SELECT * FROM users WHERE password = 'abcdef123'\";",
    ].join('\n');
    expect(found(app, 'server.js')).toEqual([
      { name: 'secret', source: 'framework', framework: 'express-session', fallback: false, value: 'keyboard cat', line: 4 },
      { name: 'cookieParser() secret', source: 'framework', framework: 'cookie-parser', fallback: false, value: 'kekse', line: 8 },
      { name: 'sessionSecret', source: 'name', framework: undefined, fallback: true, value: 'Sup3r-s3cret-v4lue', line: 10 },
      { name: 'jwt.sign()/verify() secret', source: 'framework', framework: 'jsonwebtoken', fallback: false, value: 'my-jwt-signing-key-2024', line: 11 },
      { name: 'createHmac() key', source: 'crypto', framework: undefined, fallback: false, value: 'pa4qacea4VK9t9nGv7yZtwmj', line: 12 },
      { name: 'secret', source: 'name', framework: undefined, fallback: false, value: 'not-a-session-option-1', line: 13 },
    ]);
  });

  it('a framework secret is what the app signs with, even a stand-in word; a reference is not', () => {
    expect(found("app.use(session({ secret: 'secret' }));", 'app.ts').map((h) => h.value)).toEqual(['secret']);
    expect(found("app.use(session({ secret: '${SESSION_SECRET}' }));", 'app.ts')).toEqual([]);
    // Named only, a stand-in word is a stand-in.
    expect(found("const secret = 'changeme';", 'app.ts')).toEqual([]);
  });

  it("Flask and Django: SECRET_KEY ranks as the framework's; 'dev' (Flask's tutorial stand-in) is too short", () => {
    const settings = [
      'app = Flask(__name__)',
      "app.secret_key = 'dev'",
      "app.config['SECRET_KEY'] = 'f9bf78b9a18ce6d46a0cd2b0b86df9da'",
      "SECRET_KEY = os.environ.get('SECRET_KEY', 'django-insecure-7x#k2a9b!q')",
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'PASSWORD': 'postgres123'}}",
      "conn = ldap3.Connection(server, user='uid=admin,ou=system', password='secret')",
      'password: str = "S3cretPass!"',
      "API_KEY = os.getenv('API_KEY')",
    ].join('\n');
    expect(found(settings, 'settings.py')).toEqual([
      { name: 'SECRET_KEY', source: 'framework', framework: 'Django/Flask', fallback: false, value: 'f9bf78b9a18ce6d46a0cd2b0b86df9da', line: 3 },
      { name: 'SECRET_KEY', source: 'framework', framework: 'Django/Flask', fallback: true, value: 'django-insecure-7x#k2a9b!q', line: 4 },
      { name: 'PASSWORD', source: 'name', framework: undefined, fallback: false, value: 'postgres123', line: 5 },
      { name: 'password', source: 'name', framework: undefined, fallback: false, value: 'S3cretPass!', line: 7 },
    ]);
  });

  it('PHP: variables, define(), arrays and database connections; sample stand-ins are not', () => {
    const php = [
      '<?php',
      "$password = 'Adm1nPass';",
      "define('DB_PASSWORD', 'rootpass99');",
      "$config = ['api_key' => 'a8f5f167f44f4964e6c998dee827110c'];",
      "$link = mysqli_connect('localhost', 'root', 'Sup3rS3cret', 'shop');",
      "$c = mysql_connect('localhost', 'mysql_user', 'mysql_password');",
      "$password = $_POST['password'];",
    ].join('\n');
    expect(found(php, 'config.php').map((h) => [h.name, h.value])).toEqual([
      ['$password', 'Adm1nPass'],
      ['DB_PASSWORD', 'rootpass99'],
      ['api_key', 'a8f5f167f44f4964e6c998dee827110c'],
      ['mysql_connect() password', 'Sup3rS3cret'],
    ]);
  });

  it('Java: fields, setters and JDBC; not request parameters', () => {
    const java = [
      'public class Db {',
      '  private static final String PASSWORD = "Tr0ub4dor&3";',
      '  String password = request.getParameter("password");',
      '  void seed() { user.setPassword("P455w0rd"); }',
      '  Connection c = DriverManager.getConnection("jdbc:mysql://db/app", "root", "r00tPassw0rd");',
      '}',
    ].join('\n');
    expect(found(java, 'src/Db.java').map((h) => [h.name, h.value])).toEqual([
      ['PASSWORD', 'Tr0ub4dor&3'],
      ['setPassword()', 'P455w0rd'],
      ['DriverManager.getConnection() password', 'r00tPassw0rd'],
    ]);
  });

  it('configuration: YAML, .env, JSON, .properties and XML, quoted or not', () => {
    const yaml = ['spring:', '  datasource:', '    username: app', '    password: hunter2222', 'api_key: ${API_KEY}', 'token: # set in CI'].join('\n');
    expect(found(yaml, 'application.yml').map((h) => [h.name, h.value])).toEqual([['password', 'hunter2222']]);
    const env = ['API_KEY=9f8e7d6c5b4a39281706', 'DB_PASSWORD=changeme', 'SESSION_SECRET=s0me-l0ng-v4lue # rotate yearly', 'APP_KEY=base64:Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA=='].join('\n');
    expect(found(env, '.env').map((h) => [h.name, h.value, h.framework])).toEqual([
      ['API_KEY', '9f8e7d6c5b4a39281706', undefined],
      ['SESSION_SECRET', 's0me-l0ng-v4lue', undefined],
      ['APP_KEY', 'base64:Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==', 'Laravel'],
    ]);
    expect(found('{ "jwtSecret": "x8Hk2pQ9vL4mN7rT", "passwordHint": "your pet" }', 'config.json').map((h) => h.value)).toEqual(['x8Hk2pQ9vL4mN7rT']);
    expect(found('db.password=Sekr1tPw\nmail.smtp.password=\n', 'app.properties').map((h) => h.value)).toEqual(['Sekr1tPw']);
    const xml = '<bean><property name="password" value="dbPass2024"/></bean>\n<datasource><password>Wint3r2024</password></datasource>';
    expect(found(xml, 'context.xml').map((h) => [h.name, h.value])).toEqual([['password', 'dbPass2024'], ['<password>', 'Wint3r2024']]);
  });

  it('a multi-line literal: the region runs to where it ends', () => {
    const text = 'const privateKey = `-----BEGIN RSA PRIVATE KEY-----\nMIICXAIBAAKBgQDNwqLEe9wgTXCbC7\n-----END RSA PRIVATE KEY-----`;';
    const [hit] = findSecrets(text, 'keys.ts');
    expect(hit).toMatchObject({ name: 'privateKey', startLine: 1, startColumn: 21, endLine: 3, endColumn: 30 });
  });

  it('leaves what is not a secret value: labels, lengths, paths, hashes, words for tokens, provider tokens secretlint names', () => {
    const text = [
      "const LABEL_PASSWORD = 'Passwort';",
      "const passwordMinLength = 'abcdefgh1';",
      "const privateKey = './keys/private.pem';",
      "const password = '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy';",
      "const tokenName = 'X-Auth-Token-Name';",
      "const token = 'production';",
      "const token = 'GITHUB_TOKEN';",
      "const token = 'ghp_hGAkWvj7FAc9QeWJKY40uvSwMFLZDe1f8rES';",
      "const aws = { secretAccessKey: '2hpChYgCfrL1spNxnyVmihA/2O76UMFxFkM/R5Kj' };",
      "const password = 'Please enter your password';",
      "const es = { password: 'Contraseña' };",
      "const password = '';",
      "const secret = '' + Math.random();",
      "// const apiKey = 'abc';",
    ].join('\n');
    expect(found(text, 'app.ts')).toEqual([]);
  });

  it('leaves what real libraries hold under secret-like names (seen in this repository\'s dependencies)', () => {
    const text = [
      '/**',
      " * const hmac = createHmac('sha256', 'a secret');",
      ' */',
      "lastSignificantToken = '?InterpolationInTemplate';",
      "const linter = { getFirstToken: 'getFirstToken' };",
      "const aliases = { 'allPass': 'overEvery', 'anyPass': 'overSome' };",
      "const state = { pass: 'passed' };",
      "const env = { PWD: '/Users/maciej' };",
    ].join('\n');
    expect(found(text, 'lib.js')).toEqual([]);
    expect(findSecrets("export function createHmac(algorithm: string, key: string): Hmac;", 'crypto.d.ts')).toEqual([]);
  });

  it('reads only the files whose syntax it knows, and not example configurations', () => {
    expect(findSecrets("password = 'hunter2222'", 'notes.md')).toEqual([]);
    expect(findSecrets('DB_PASSWORD=hunter2222', '.env.example')).toEqual([]);
    expect(findSecrets('DB_PASSWORD=hunter2222', '.env.production')).toHaveLength(1);
  });
});
