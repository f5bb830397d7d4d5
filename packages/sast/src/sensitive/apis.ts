// What makes code security-sensitive, as data: the libraries and calls that authenticate, keep sessions,
// encrypt, check access, validate input or deserialize. A change to a function that calls one of these
// deserves a second pair of eyes even when no rule finds a flaw in it.

export const SENSITIVE_KINDS = ['authentication', 'session', 'crypto', 'access-control', 'input-validation', 'deserialization'] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

export interface SensitiveApi {
  kind: SensitiveKind;
  /** The module an imported name comes from (npm package, Python module, Java package, PHP namespace). */
  module?: RegExp;
  /** The call as written, dotted (`jwt.verify`, `req.session.regenerate`, `hashlib.sha256`). */
  callee?: RegExp;
}

/** Why each kind matters, for the reason a reviewer reads. */
export const KIND_WHY: Readonly<Record<SensitiveKind, string>> = {
  authentication: 'it decides who a user is (passwords, tokens, sign-in)',
  session: 'it creates, reads or ends user sessions and their cookies',
  crypto: 'it hashes, signs, encrypts or makes secrets',
  'access-control': 'it decides what a user may do',
  'input-validation': 'it validates or sanitises untrusted input',
  deserialization: 'it turns untrusted bytes into objects',
};

export const SENSITIVE_APIS: readonly SensitiveApi[] = [
  // Authentication
  { kind: 'authentication', module: /^(bcrypt|bcryptjs|argon2|passport(-[\w-]+)?|jsonwebtoken|jose|express-jwt|next-auth|@auth0\/[\w-]+|ldapjs|otplib|speakeasy|flask_login|flask_jwt_extended|jwt|passlib(\..*)?|django\.contrib\.auth(\..*)?|werkzeug\.security|pyotp|org\.springframework\.security\.authentication(\..*)?|Firebase\\JWT(\\.*)?)$/ },
  { kind: 'authentication', callee: /(^|\.)(authenticate|login|logIn|signIn|sign_in|check_password|verify_password|checkPassword|verifyPassword|comparePassword|password_verify|password_hash|set_password|make_password|verifyIdToken|jwt\.(verify|sign|decode)|login_user|logout_user)$/ },
  // Sessions and their cookies
  { kind: 'session', module: /^(express-session|cookie-session|cookie-parser|iron-session|connect-redis|flask_session|django\.contrib\.sessions(\..*)?)$/ },
  { kind: 'session', callee: /(^|\.)(session\.(regenerate|destroy|save|reload|invalidate)|getSession|session_start|session_regenerate_id|session_destroy|setcookie|res\.cookie|set_cookie|clearCookie|setMaxInactiveInterval)$/ },
  // Cryptography
  { kind: 'crypto', module: /^((node:)?crypto|crypto-js|tweetnacl|node-forge|bcrypt|hashlib|hmac|secrets|cryptography(\..*)?|Crypto(\..*)?|nacl(\..*)?|javax\.crypto(\..*)?|java\.security(\..*)?)$/ },
  { kind: 'crypto', callee: /(^|\.)(createHash|createHmac|createCipheriv|createDecipheriv|createSign|createVerify|generateKeyPair(Sync)?|randomBytes|pbkdf2(Sync)?|scrypt(Sync)?|hash_hmac|hash_equals|openssl_\w+|random_bytes|sodium_\w+|MessageDigest\.getInstance|Cipher\.getInstance|Mac\.getInstance|KeyGenerator\.getInstance|SecureRandom|subtle\.\w+)$/ },
  // Access checks
  { kind: 'access-control', module: /^(casl|@casl\/[\w-]+|accesscontrol|casbin|node-casbin|django\.contrib\.auth\.decorators|flask_principal|org\.springframework\.security\.access(\..*)?)$/ },
  { kind: 'access-control', callee: /(^|\.)(authorize|authorise|isAdmin|is_admin|hasRole|has_role|hasPermission|has_permission|has_perm|checkPermission|check_permission|requireRole|requireAdmin|ensureAuthenticated|isAuthenticated|is_authenticated|permission_required|login_required|user_passes_test|isGranted|hasAuthority|can|cannot|enforce)$/ },
  // Input validation and sanitising
  { kind: 'input-validation', module: /^(joi|@hapi\/joi|yup|zod|validator|express-validator|ajv|class-validator|sanitize-html|dompurify|isomorphic-dompurify|xss|escape-html|bleach|cerberus|marshmallow|pydantic|wtforms|jsonschema|javax\.validation(\..*)?|jakarta\.validation(\..*)?|org\.owasp\.encoder(\..*)?)$/ },
  { kind: 'input-validation', callee: /(^|\.)(validate|validateSync|safeParse|sanitize|sanitizeHtml|escapeHtml|escape|filter_var|htmlspecialchars|htmlentities|strip_tags|bleach\.clean|check|body|param|query\.isInt|forHtml)$/ },
  // Deserialization
  { kind: 'deserialization', module: /^(node-serialize|serialize-javascript|funcster|js-yaml|pickle|cPickle|_pickle|marshal|shelve|jsonpickle|dill|yaml|java\.beans\.XMLDecoder|com\.thoughtworks\.xstream(\..*)?)$/ },
  { kind: 'deserialization', callee: /(^|\.)(unserialize|deserialize|pickle\.loads?|marshal\.loads?|yaml\.(load|unsafe_load|full_load)|jsonpickle\.decode|readObject|readUnshared|ObjectInputStream|XMLDecoder|fromXML)$/ },
];

/** Functions named for what they guard, when their calls say nothing (a wrapper of our own): weaker evidence, said so. */
export const SENSITIVE_NAMES: readonly { kind: SensitiveKind; name: RegExp }[] = [
  { kind: 'authentication', name: /^(log_?in|log_?out|sign_?in|sign_?out|authenticate|verify_?(token|password|otp)|check_?password|reset_?password|change_?password)$/i },
  { kind: 'session', name: /^(create|start|destroy|end|refresh)_?session$/i },
  { kind: 'access-control', name: /^(authori[sz]e|require_?(admin|role|auth|login|permission)|is_?admin|has_?(role|permission|access)|check_?(access|permission|role)|can_?\w+)$/i },
];
