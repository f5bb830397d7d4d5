import type { RuleFile } from './load.js';
import jsAngularTrustBypass from './javascript/angular-trust-bypass.yaml';
import jsCodeInjection from './javascript/code-injection.yaml';
import jsCommandInjection from './javascript/command-injection.yaml';
import jsDeserialization from './javascript/deserialization.yaml';
import jsHeaderInjection from './javascript/header-injection.yaml';
import jsIncompleteUrlCheck from './javascript/incomplete-url-check.yaml';
import jsLogInjection from './javascript/log-injection.yaml';
import jsNosqlInjection from './javascript/nosql-injection.yaml';
import jsOpenRedirect from './javascript/open-redirect.yaml';
import jsPathTraversal from './javascript/path-traversal.yaml';
import jsModels from './javascript/models.yaml';
import jsSqlInjection from './javascript/sql-injection.yaml';
import jsSsrf from './javascript/ssrf.yaml';
import jsXss from './javascript/xss.yaml';
import jsCsrf from './javascript/csrf.yaml';
import jsStoredXss from './javascript/stored-xss.yaml';
import jsWeakHash from './javascript/weak-hash.yaml';
import jsWeakRandom from './javascript/weak-random.yaml';
import jsTlsVerification from './javascript/tls-verification.yaml';
import jsInsecureCookie from './javascript/insecure-cookie.yaml';
import jsDebugMode from './javascript/debug-mode.yaml';
import jsStackTraceExposure from './javascript/stack-trace-exposure.yaml';
import jsHardcodedSecret from './javascript/hardcoded-secret.yaml';
import jsJwtAlgorithms from './javascript/jwt-algorithms.yaml';
import jsJwtAlgorithmsUnset from './javascript/jwt-algorithms-unset.yaml';
import javaModels from './java/models.yaml';
import javaSqlInjection from './java/sql-injection.yaml';
import javaCommandInjection from './java/command-injection.yaml';
import javaPathTraversal from './java/path-traversal.yaml';
import javaXss from './java/xss.yaml';
import javaLdapInjection from './java/ldap-injection.yaml';
import javaXpathInjection from './java/xpath-injection.yaml';
import javaTrustBoundary from './java/trust-boundary.yaml';
import javaOpenRedirect from './java/open-redirect.yaml';
import javaHeaderInjection from './java/header-injection.yaml';
import javaDeserialization from './java/deserialization.yaml';
import javaXxe from './java/xxe.yaml';
import javaWeakCrypto from './java/weak-crypto.yaml';
import javaWeakHash from './java/weak-hash.yaml';
import javaWeakRandom from './java/weak-random.yaml';
import javaInsecureCookie from './java/insecure-cookie.yaml';
import phpModels from './php/models.yaml';
import phpSqlInjection from './php/sql-injection.yaml';
import phpXss from './php/xss.yaml';
import phpXssUnquotedContext from './php/xss-unquoted-context.yaml';
import phpCommandInjection from './php/command-injection.yaml';
import phpArgumentInjection from './php/argument-injection.yaml';
import phpTwigXss from './php/twig-xss.yaml';
import pyTemplateXss from './python/template-xss.yaml';
import javaJspXss from './java/jsp-xss.yaml';
import phpCodeInjection from './php/code-injection.yaml';
import phpFileInclusion from './php/file-inclusion.yaml';
import phpPathTraversal from './php/path-traversal.yaml';
import phpSsrf from './php/ssrf.yaml';
import phpOpenRedirect from './php/open-redirect.yaml';
import phpHeaderInjection from './php/header-injection.yaml';
import phpDeserialization from './php/deserialization.yaml';
import phpXxe from './php/xxe.yaml';
import phpLdapInjection from './php/ldap-injection.yaml';
import phpXpathInjection from './php/xpath-injection.yaml';
import phpStoredXss from './php/stored-xss.yaml';
import pyModels from './python/models.yaml';
import pySqlInjection from './python/sql-injection.yaml';
import pyCommandInjection from './python/command-injection.yaml';
import pyCodeInjection from './python/code-injection.yaml';
import pyPathTraversal from './python/path-traversal.yaml';
import pySsrf from './python/ssrf.yaml';
import pyOpenRedirect from './python/open-redirect.yaml';
import pyXss from './python/xss.yaml';
import pyJinja2Autoescape from './python/jinja2-autoescape.yaml';
import pyDeserialization from './python/deserialization.yaml';
import pyXxe from './python/xxe.yaml';
import pyXxeParser from './python/xxe-parser.yaml';
import pyLdapInjection from './python/ldap-injection.yaml';
import pyXpathInjection from './python/xpath-injection.yaml';
import pyTrustBoundary from './python/trust-boundary.yaml';
import pyWeakHash from './python/weak-hash.yaml';
import pyWeakRandom from './python/weak-random.yaml';
import pyInsecureCookie from './python/insecure-cookie.yaml';
import pyTlsVerification from './python/tls-verification.yaml';
import pyDebugMode from './python/debug-mode.yaml';
import pyFlaskCsrf from './python/flask-csrf.yaml';
import pyDjangoCsrf from './python/django-csrf.yaml';
import pyStoredXss from './python/stored-xss.yaml';

// One line per rule file: they ship inside the bundle as text (tsup's text loader).
export const BUILTIN_RULE_FILES: readonly RuleFile[] = [
  { path: 'javascript/models.yaml', text: jsModels },
  { path: 'javascript/sql-injection.yaml', text: jsSqlInjection },
  { path: 'javascript/nosql-injection.yaml', text: jsNosqlInjection },
  { path: 'javascript/command-injection.yaml', text: jsCommandInjection },
  { path: 'javascript/code-injection.yaml', text: jsCodeInjection },
  { path: 'javascript/path-traversal.yaml', text: jsPathTraversal },
  { path: 'javascript/ssrf.yaml', text: jsSsrf },
  { path: 'javascript/open-redirect.yaml', text: jsOpenRedirect },
  { path: 'javascript/xss.yaml', text: jsXss },
  { path: 'javascript/deserialization.yaml', text: jsDeserialization },
  { path: 'javascript/header-injection.yaml', text: jsHeaderInjection },
  { path: 'javascript/weak-hash.yaml', text: jsWeakHash },
  { path: 'javascript/weak-random.yaml', text: jsWeakRandom },
  { path: 'javascript/tls-verification.yaml', text: jsTlsVerification },
  { path: 'javascript/insecure-cookie.yaml', text: jsInsecureCookie },
  { path: 'javascript/debug-mode.yaml', text: jsDebugMode },
  { path: 'javascript/stack-trace-exposure.yaml', text: jsStackTraceExposure },
  { path: 'javascript/hardcoded-secret.yaml', text: jsHardcodedSecret },
  { path: 'javascript/jwt-algorithms.yaml', text: jsJwtAlgorithms },
  { path: 'javascript/jwt-algorithms-unset.yaml', text: jsJwtAlgorithmsUnset },
  { path: 'javascript/csrf.yaml', text: jsCsrf },
  { path: 'javascript/stored-xss.yaml', text: jsStoredXss },
  { path: 'javascript/log-injection.yaml', text: jsLogInjection },
  { path: 'javascript/angular-trust-bypass.yaml', text: jsAngularTrustBypass },
  { path: 'javascript/incomplete-url-check.yaml', text: jsIncompleteUrlCheck },
  { path: 'java/models.yaml', text: javaModels },
  { path: 'java/sql-injection.yaml', text: javaSqlInjection },
  { path: 'java/command-injection.yaml', text: javaCommandInjection },
  { path: 'java/path-traversal.yaml', text: javaPathTraversal },
  { path: 'java/xss.yaml', text: javaXss },
  { path: 'java/ldap-injection.yaml', text: javaLdapInjection },
  { path: 'java/xpath-injection.yaml', text: javaXpathInjection },
  { path: 'java/trust-boundary.yaml', text: javaTrustBoundary },
  { path: 'java/open-redirect.yaml', text: javaOpenRedirect },
  { path: 'java/header-injection.yaml', text: javaHeaderInjection },
  { path: 'java/deserialization.yaml', text: javaDeserialization },
  { path: 'java/xxe.yaml', text: javaXxe },
  { path: 'java/weak-crypto.yaml', text: javaWeakCrypto },
  { path: 'java/weak-hash.yaml', text: javaWeakHash },
  { path: 'java/weak-random.yaml', text: javaWeakRandom },
  { path: 'java/insecure-cookie.yaml', text: javaInsecureCookie },
  { path: 'php/models.yaml', text: phpModels },
  { path: 'php/sql-injection.yaml', text: phpSqlInjection },
  { path: 'php/xss.yaml', text: phpXss },
  { path: 'php/xss-unquoted-context.yaml', text: phpXssUnquotedContext },
  { path: 'php/command-injection.yaml', text: phpCommandInjection },
  { path: 'php/argument-injection.yaml', text: phpArgumentInjection },
  { path: 'php/twig-xss.yaml', text: phpTwigXss },
  { path: 'python/template-xss.yaml', text: pyTemplateXss },
  { path: 'java/jsp-xss.yaml', text: javaJspXss },
  { path: 'php/code-injection.yaml', text: phpCodeInjection },
  { path: 'php/file-inclusion.yaml', text: phpFileInclusion },
  { path: 'php/path-traversal.yaml', text: phpPathTraversal },
  { path: 'php/ssrf.yaml', text: phpSsrf },
  { path: 'php/open-redirect.yaml', text: phpOpenRedirect },
  { path: 'php/header-injection.yaml', text: phpHeaderInjection },
  { path: 'php/deserialization.yaml', text: phpDeserialization },
  { path: 'php/xxe.yaml', text: phpXxe },
  { path: 'php/ldap-injection.yaml', text: phpLdapInjection },
  { path: 'php/xpath-injection.yaml', text: phpXpathInjection },
  { path: 'php/stored-xss.yaml', text: phpStoredXss },
  { path: 'python/models.yaml', text: pyModels },
  { path: 'python/sql-injection.yaml', text: pySqlInjection },
  { path: 'python/command-injection.yaml', text: pyCommandInjection },
  { path: 'python/code-injection.yaml', text: pyCodeInjection },
  { path: 'python/path-traversal.yaml', text: pyPathTraversal },
  { path: 'python/ssrf.yaml', text: pySsrf },
  { path: 'python/open-redirect.yaml', text: pyOpenRedirect },
  { path: 'python/xss.yaml', text: pyXss },
  { path: 'python/jinja2-autoescape.yaml', text: pyJinja2Autoescape },
  { path: 'python/deserialization.yaml', text: pyDeserialization },
  { path: 'python/xxe.yaml', text: pyXxe },
  { path: 'python/xxe-parser.yaml', text: pyXxeParser },
  { path: 'python/ldap-injection.yaml', text: pyLdapInjection },
  { path: 'python/xpath-injection.yaml', text: pyXpathInjection },
  { path: 'python/trust-boundary.yaml', text: pyTrustBoundary },
  { path: 'python/weak-hash.yaml', text: pyWeakHash },
  { path: 'python/weak-random.yaml', text: pyWeakRandom },
  { path: 'python/insecure-cookie.yaml', text: pyInsecureCookie },
  { path: 'python/tls-verification.yaml', text: pyTlsVerification },
  { path: 'python/debug-mode.yaml', text: pyDebugMode },
  { path: 'python/flask-csrf.yaml', text: pyFlaskCsrf },
  { path: 'python/django-csrf.yaml', text: pyDjangoCsrf },
  { path: 'python/stored-xss.yaml', text: pyStoredXss },
];
