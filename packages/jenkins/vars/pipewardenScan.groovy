// pipewardenScan: Pipewarden as one Jenkins pipeline step. It runs the CLI, then feeds what Jenkins teams
// already use: Warnings Next Generation (recordIssues), junit, archiveArtifacts and the HTML Publisher.
// Parameters: vars/pipewardenScan.txt and docs/jenkins.md. The CLI's exit code sets the build result.
import groovy.transform.Field

// The same options, names (camelCase) and defaults as the GitHub Action and the GitLab component.
@Field static final Map DEFAULTS = [
  workingDirectory : '.',
  config           : '',
  stage            : 'commit',
  scanners         : '',
  reports          : [],
  exclude          : [],
  baseline         : '',
  diffBase         : '',
  targetUrl        : '',
  image            : '',
  failOn           : 'policy',
  comment          : true,
  tickets          : 'none',
  maxNewTickets    : 10,
  jiraUrl          : '',
  jiraProject      : '',
  outDir           : '.pipewarden',
  feedsDir         : '',
  history          : '',
  installTools     : false,
]

// Only Jenkins has these: how the CLI runs and what the build does with its verdict.
@Field static final Map JENKINS_DEFAULTS = [
  command          : 'npx --yes @pipewarden/cli@0.1.0',
  unstableOnFailure: false,
  qualityGates     : [],
  publish          : true,
  shard            : '',
  credentialsId    : '',
  gitlabUrl        : '',
  gitlabProject    : '',
  githubRepository : '',
  githubApiUrl     : '',
  jiraEmail        : '',
]

@Field static final List STAGES = ['precommit', 'commit', 'acceptance', 'production']
@Field static final List FAIL_ON = ['policy', 'never', 'critical', 'high', 'medium', 'low']
@Field static final List TICKETS = ['none', 'gitlab', 'github', 'jira']

/** The parameters a step does not know, as one problem line (the attestation steps use it too); null if none. */
static String unknownParameters(Map config, Collection known) {
  List unknown = (config.keySet() - known).collect { String.valueOf(it) }.sort()
  return unknown ? "unknown parameter${unknown.size() > 1 ? 's' : ''} ${unknown.join(', ')} (known: ${known.sort().join(', ')})" : null
}

static String quote(Object value) {
  return "'" + String.valueOf(value).replace("'", "'\\''") + "'"
}

/** Every problem with the parameters at once, each naming its key. */
static List problemsOf(Map config) {
  List problems = []
  String unknown = unknownParameters(config, DEFAULTS.keySet() + JENKINS_DEFAULTS.keySet())
  if (unknown) problems << unknown
  if (config.containsKey('stage') && !(config.stage in STAGES)) problems << "stage: '${config.stage}' is not one of ${STAGES.join(', ')}"
  if (config.containsKey('failOn') && !(config.failOn in FAIL_ON)) problems << "failOn: '${config.failOn}' is not one of ${FAIL_ON.join(', ')}"
  if (config.containsKey('tickets') && !(config.tickets in TICKETS)) problems << "tickets: '${config.tickets}' is not one of ${TICKETS.join(', ')}"
  if (config.containsKey('reports') && !(config.reports instanceof List)) problems << 'reports: expected a list of paths'
  if (config.containsKey('exclude') && !(config.exclude instanceof List)) problems << 'exclude: expected a list of path patterns'
  if (config.containsKey('maxNewTickets') && !(config.maxNewTickets instanceof Integer && config.maxNewTickets >= 0)) problems << 'maxNewTickets: expected a whole number'
  ['comment', 'installTools', 'unstableOnFailure', 'publish'].each { key ->
    if (config.containsKey(key) && !(config[key] instanceof Boolean)) problems << "${key}: expected true or false"
  }
  if (config.tickets in ['gitlab', 'github', 'jira'] && !config.credentialsId) problems << "tickets: ${config.tickets} needs credentialsId (a secret-text credential holding the ${config.tickets == 'jira' ? 'API token or personal access token' : 'token'})"
  if (config.tickets == 'gitlab' && !(config.gitlabUrl && config.gitlabProject)) problems << 'tickets: gitlab needs gitlabUrl and gitlabProject'
  if (config.tickets == 'github' && !(config.githubRepository ==~ /[\w.-]+\/[\w.-]+/)) problems << 'tickets: github needs githubRepository (owner/repo)'
  return problems
}

/** The CLI's arguments for these options (empty ones left out). */
static List argsOf(Map o) {
  List args = ['scan', o.workingDirectory, '--stage', o.stage, '--out-dir', o.outDir, '--fail-on', o.failOn, '--tickets', o.tickets, '--max-new-tickets', o.maxNewTickets]
  if (!o.comment) args << '--no-note'
  if (o.installTools) args << '--install-tools'
  if (o.history == 'none') args << '--no-history'
  else if (o.history) { args << '--history'; args << o.history }
  [config: '--config', jiraUrl: '--jira-url', jiraProject: '--jira-project', scanners: '--scanners', baseline: '--baseline', diffBase: '--diff-base', targetUrl: '--target-url', image: '--image', feedsDir: '--feeds-dir', shard: '--shard'].each { key, flag ->
    if (o[key]) { args << flag; args << o[key] }
  }
  o.reports.each { args << '--report'; args << it }
  o.exclude.each { args << '--exclude'; args << it }
  return args
}

/** A plugin's step that is not installed: a warning in the log, not a failure. */
def optionalStep(String plugin, Closure step) {
  try {
    step()
    return true
  } catch (NoSuchMethodError missing) {
    echo "pipewarden: warning: the ${plugin} plugin is not installed: ${missing.message?.readLines()?.first()}"
    return false
  }
}

/**
 * The last default-branch build's history (Copy Artifact). Not installed: a warning. Installed but this job
 * may not copy from that one (the plugin's "Permission to Copy Artifact", or a job it cannot see): a warning
 * saying how to allow it, and the trend starts from this build. An aborted build still stops.
 */
def restoreHistory(Map o) {
  String from = historyJob([JOB_NAME: env.JOB_NAME, BRANCH_NAME: env.BRANCH_NAME, PIPEWARDEN_DEFAULT_BRANCH: env.PIPEWARDEN_DEFAULT_BRANCH])
  try {
    optionalStep('Copy Artifact') {
      copyArtifacts(projectName: from, selector: lastSuccessful(), filter: historyFile(o), optional: true, fingerprintArtifacts: false)
    }
  } catch (Exception refused) {
    if (refused.class.name.endsWith('FlowInterruptedException') || refused instanceof InterruptedException) throw refused
    String why = (refused.message ?: refused.class.simpleName).readLines().find { it.trim() } ?: refused.class.simpleName
    echo "pipewarden: warning: could not restore the history from ${from}: ${why.trim()} (allow it in ${from}'s configuration: \"Permission to Copy Artifact\" for ${env.JOB_NAME}); the trend starts from this build"
  }
}

/** The history file the run adds its line to (docs/metrics.md). */
static String historyFile(Map o) {
  return o.history && o.history != 'none' ? o.history : "${o.outDir}/history.jsonl"
}

/** The job whose last successful build holds the history: in a multibranch project, the default branch's. */
static String historyJob(Map env) {
  String job = env.JOB_NAME ?: ''
  if (!env.BRANCH_NAME || !job.contains('/')) return job
  return job.substring(0, job.lastIndexOf('/') + 1) + URLEncoder.encode(env.PIPEWARDEN_DEFAULT_BRANCH ?: 'main', 'UTF-8')
}

def publish(Map o) {
  String out = o.outDir
  optionalStep('Warnings Next Generation') {
    recordIssues(tools: [sarif(pattern: "${out}/results.sarif", id: 'pipewarden', name: 'Pipewarden')], qualityGates: o.qualityGates, enabledForFailure: true)
  }
  optionalStep('JUnit') {
    junit(testResults: "${out}/junit.xml", allowEmptyResults: true, skipPublishingChecks: true)
  }
  // history.jsonl too: the next build restores it (copyArtifacts, docs/metrics.md) and adds its line.
  archiveArtifacts(artifacts: "${out}/results.sarif,${out}/report.html,${out}/report.json,${out}/summary.md,${historyFile(o)},${out}/github/*.sarif", allowEmptyArchive: true)
  optionalStep('HTML Publisher') {
    publishHTML(target: [reportDir: out, reportFiles: 'report.html', reportName: 'Pipewarden', keepAll: true, alwaysLinkToLastBuild: true, allowMissing: true])
  }
}

def call(Map config = [:]) {
  List problems = problemsOf(config)
  if (problems) error("pipewardenScan: ${problems.join('; ')}")
  Map o = DEFAULTS + JENKINS_DEFAULTS + config
  String out = o.outDir
  String log = "${out}/pipewarden.log"
  String command = "#!/bin/bash\nset -o pipefail\nmkdir -p ${quote(out)}\nrm -f ${quote(out + '/results.sarif')}\n${o.command} ${argsOf(o).collect { quote(it) }.join(' ')} 2>&1 | tee ${quote(log)}"
  // A shard adds no history line: the merge does.
  if (!o.shard && o.history != 'none' && env.JOB_NAME) restoreHistory(o)
  int status
  if (o.tickets == 'gitlab') {
    // The token comes from Jenkins' credentials and is masked in the log; the CLI reads it from the environment.
    List context = ["GITLAB_CI=true", "CI_SERVER_URL=${o.gitlabUrl}", "CI_PROJECT_ID=${o.gitlabProject}", "CI_COMMIT_SHA=${env.GIT_COMMIT ?: ''}", "CI_COMMIT_BRANCH=${env.BRANCH_NAME ?: ''}", "CI_DEFAULT_BRANCH=${env.PIPEWARDEN_DEFAULT_BRANCH ?: 'main'}", "CI_JOB_URL=${env.BUILD_URL ?: ''}"]
    if (env.CHANGE_ID && env.CHANGE_ID ==~ /\d+/) context << "CI_MERGE_REQUEST_IID=${env.CHANGE_ID}"
    status = withCredentials([string(credentialsId: o.credentialsId, variable: 'PIPEWARDEN_GITLAB_TOKEN')]) {
      withEnv(context) { sh(script: command, returnStatus: true) }
    }
  } else if (o.tickets == 'github') {
    List context = ["GITHUB_REPOSITORY=${o.githubRepository}", "PIPEWARDEN_DEFAULT_BRANCH=${env.PIPEWARDEN_DEFAULT_BRANCH ?: 'main'}"]
    if (o.githubApiUrl) context << "GITHUB_API_URL=${o.githubApiUrl}"
    status = withCredentials([string(credentialsId: o.credentialsId, variable: 'PIPEWARDEN_GITHUB_TOKEN')]) {
      withEnv(context) { sh(script: command, returnStatus: true) }
    }
  } else if (o.tickets == 'jira') {
    // Jira Cloud's API token (with the account's e-mail, not a secret) or Data Center's personal access token.
    List context = ["PIPEWARDEN_DEFAULT_BRANCH=${env.PIPEWARDEN_DEFAULT_BRANCH ?: 'main'}"]
    if (o.jiraEmail) context << "JIRA_EMAIL=${o.jiraEmail}"
    status = withCredentials([string(credentialsId: o.credentialsId, variable: 'JIRA_API_TOKEN')]) {
      withEnv(context) { sh(script: command, returnStatus: true) }
    }
  } else {
    status = sh(script: command, returnStatus: true)
  }
  // Results of this run only: the CLI writes them even when it ends with 2 after a scanner failed.
  if (o.publish && fileExists("${out}/results.sarif")) publish(o)
  Map result = [exitCode: status, verdict: status == 0 ? 'pass' : status == 1 ? 'fail' : 'error', outDir: out]
  if (status == 1) {
    if (o.unstableOnFailure) {
      unstable('Pipewarden: the gate failed (see the Pipewarden report)')
    } else {
      currentBuild.result = 'FAILURE'
      error('Pipewarden: the gate failed (see the Pipewarden report)')
    }
  } else if (status != 0) {
    String line = fileExists(log) ? readFile(log).readLines().reverse().find { it.startsWith('pipewarden: ') && !it.startsWith('pipewarden: warning:') } : null
    currentBuild.result = 'FAILURE'
    error(line ?: "pipewarden exited with code ${status}")
  }
  return result
}
