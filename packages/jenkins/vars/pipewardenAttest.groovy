// pipewardenAttest: the commit stage signs the scan over what the build produced (an in-toto attestation in a
// DSSE envelope), archived with the build for the production stage's pipewardenVerify. docs/attestations.md.
import groovy.transform.Field

@Field static final Map DEFAULTS = [
  subjects               : [],
  keyCredentialsId       : '',
  passphraseCredentialsId: '',
  oidcCredentialsId      : '',
  fulcioUrl              : '',
  rekorUrl               : '',
  outDir                 : '.pipewarden',
  command                : 'npx --yes @pipewarden/cli@0.1.0',
]

/** Every problem with the parameters at once, each naming its key. */
List problemsOf(Map config) {
  List problems = []
  String unknown = pipewardenScan.unknownParameters(config, DEFAULTS.keySet())
  if (unknown) problems << unknown
  if (!(config.subjects instanceof List) || !config.subjects) problems << 'subjects: expected a list of what the build produced (files, sha256:DIGEST or IMAGE@sha256:DIGEST)'
  if (!config.keyCredentialsId && !config.oidcCredentialsId) problems << 'keyCredentialsId: the Secret file credential holding the PEM private key is required (or oidcCredentialsId for keyless signing)'
  if (config.keyCredentialsId && config.oidcCredentialsId) problems << 'keyCredentialsId and oidcCredentialsId: choose one'
  return problems
}

/** The CLI's arguments; the key and token only ever travel as environment variables bound from credentials. */
static List argsOf(Map o) {
  List args = ['attest', '--out-dir', o.outDir]
  o.subjects.each { args << '--subject'; args << it }
  if (o.keyCredentialsId) { args << '--key'; args << 'env:PIPEWARDEN_ATTEST_KEY' } else args << '--keyless'
  if (o.passphraseCredentialsId) { args << '--key-passphrase-env'; args << 'PIPEWARDEN_ATTEST_PASSPHRASE' }
  if (o.fulcioUrl) { args << '--fulcio-url'; args << o.fulcioUrl }
  if (o.rekorUrl) { args << '--rekor-url'; args << o.rekorUrl }
  return args
}

def call(Map config = [:]) {
  List problems = problemsOf(config)
  if (problems) error("pipewardenAttest: ${problems.join('; ')}")
  Map o = DEFAULTS + config
  String log = "${o.outDir}/pipewarden-attest.log"
  String script = "#!/bin/bash\nset -o pipefail\n${o.command} ${argsOf(o).collect { pipewardenScan.quote(it) }.join(' ')} 2>&1 | tee ${pipewardenScan.quote(log)}"
  List credentials = []
  if (o.keyCredentialsId) credentials << file(credentialsId: o.keyCredentialsId, variable: 'PIPEWARDEN_ATTEST_KEY')
  if (o.passphraseCredentialsId) credentials << string(credentialsId: o.passphraseCredentialsId, variable: 'PIPEWARDEN_ATTEST_PASSPHRASE')
  if (o.oidcCredentialsId) credentials << string(credentialsId: o.oidcCredentialsId, variable: 'SIGSTORE_ID_TOKEN')
  int status = withCredentials(credentials) { sh(script: script, returnStatus: true) }
  if (status != 0) {
    String line = fileExists(log) ? readFile(log).readLines().reverse().find { it.startsWith('pipewarden: ') && !it.startsWith('pipewarden: warning:') } : null
    currentBuild.result = 'FAILURE'
    error(line ?: "pipewarden attest exited with code ${status}")
  }
  String file = "${o.outDir}/attestation.intoto.jsonl"
  archiveArtifacts(artifacts: "${file},${o.outDir}/attestation.sigstore.json", allowEmptyArchive: true, fingerprint: true)
  return [attestation: file]
}
