// pipewardenVerify: the production stage's promotion gate. The artifact about to be deployed must be covered by
// a scan attestation signed with the team's key, whose scan passed and is recent enough. docs/attestations.md.
import groovy.transform.Field

@Field static final Map DEFAULTS = [
  attestation              : '.pipewarden/attestation.intoto.jsonl',
  subjects                 : [],
  publicKey                : '',
  publicKeyCredentialsId   : '',
  requireVerdict           : 'pass',
  maxAge                   : '7d',
  certificateIdentity      : '',
  certificateOidcIssuer    : '',
  command                  : 'npx --yes @pipewarden/cli@0.1.0',
]

@Field static final List VERDICTS = ['pass', 'fail', 'any']

List problemsOf(Map config) {
  List problems = []
  String unknown = pipewardenScan.unknownParameters(config, DEFAULTS.keySet())
  if (unknown) problems << unknown
  if (!(config.subjects instanceof List) || !config.subjects) problems << 'subjects: expected a list of what is about to be deployed (files, sha256:DIGEST or IMAGE@sha256:DIGEST)'
  if (!config.publicKey && !config.publicKeyCredentialsId && !config.certificateIdentity) problems << 'publicKey: a PEM public key in the workspace (or publicKeyCredentialsId, or certificateIdentity with certificateOidcIssuer for keyless) is required'
  if (config.containsKey('requireVerdict') && !(config.requireVerdict in VERDICTS)) problems << "requireVerdict: '${config.requireVerdict}' is not one of ${VERDICTS.join(', ')}"
  if (config.certificateIdentity && !config.certificateOidcIssuer) problems << 'certificateOidcIssuer: required with certificateIdentity'
  return problems
}

static List argsOf(Map o) {
  List args = ['verify', '--attestation', o.attestation]
  o.subjects.each { args << '--subject'; args << it }
  if (o.publicKeyCredentialsId) { args << '--key'; args << 'env:PIPEWARDEN_VERIFY_KEY' }
  else if (o.publicKey) { args << '--key'; args << o.publicKey }
  else { args << '--certificate-identity'; args << o.certificateIdentity; args << '--certificate-oidc-issuer'; args << o.certificateOidcIssuer }
  if (o.requireVerdict != 'any') { args << '--require-verdict'; args << o.requireVerdict }
  if (o.maxAge) { args << '--max-age'; args << o.maxAge }
  return args
}

def call(Map config = [:]) {
  List problems = problemsOf(config)
  if (problems) error("pipewardenVerify: ${problems.join('; ')}")
  Map o = DEFAULTS + config
  String log = "pipewarden-verify.log"
  String script = "#!/bin/bash\nset -o pipefail\n${o.command} ${argsOf(o).collect { pipewardenScan.quote(it) }.join(' ')} 2>&1 | tee ${pipewardenScan.quote(log)}"
  int status = o.publicKeyCredentialsId
    ? withCredentials([file(credentialsId: o.publicKeyCredentialsId, variable: 'PIPEWARDEN_VERIFY_KEY')]) { sh(script: script, returnStatus: true) }
    : sh(script: script, returnStatus: true)
  if (status == 0) return [verified: true]
  List lines = fileExists(log) ? readFile(log).readLines().findAll { it.startsWith('pipewarden: ') && !it.startsWith('pipewarden: warning:') } : []
  currentBuild.result = 'FAILURE'
  // 1: a trustworthy attestation that does not meet the policy; 2: one that cannot be trusted (or read).
  error(status == 1 ? "Pipewarden: not promoted: ${lines.join('; ') ?: 'the attestation does not meet the policy'}" : (lines ? lines.last() : "pipewarden verify exited with code ${status}"))
}
