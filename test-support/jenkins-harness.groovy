// A small Jenkins for the shared library's tests, in the manner of JenkinsPipelineUnit: it loads vars/*.groovy
// with the pipeline steps they call bound as closures, records every call, and really runs `sh` with bash.
// Usage: groovy jenkins-harness.groovy spec.json   (prints one JSON line: result, calls, returned, error)
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

class StepError extends RuntimeException {
  StepError(String message) { super(message) }
}

// What Copy Artifact throws (hudson.AbortException, an IOException) when the job may not copy from the other.
class AbortException extends IOException {
  AbortException(String message) { super(message) }
}

def spec = new JsonSlurper().parse(new File(args[0]))
def plugins = spec.plugins ?: [:]
List calls = []
Map build = [result: 'SUCCESS']
List envStack = [(spec.env ?: [:])]
Map stashes = [:]
def binding = new Binding()

def currentEnv = { ->
  Map merged = [:]
  envStack.each { merged.putAll(it) }
  merged
}
def record = { String name, Object arg -> calls << [step: name, args: arg] }
def missing = { String name -> new NoSuchMethodError("No such DSL method '${name}' found among steps [archiveArtifacts, echo, error, sh, ...]") }

binding.setVariable('sh', { Object arg ->
  Map a = arg instanceof Map ? arg : [script: arg]
  record('sh', [script: a.script, returnStatus: a.returnStatus ?: false])
  def builder = new ProcessBuilder('bash', '-c', String.valueOf(a.script))
  builder.directory(new File(spec.cwd))
  builder.environment().putAll(currentEnv().collectEntries { k, v -> [String.valueOf(k), String.valueOf(v)] })
  builder.redirectErrorStream(true)
  def process = builder.start()
  String text = process.inputStream.text
  int code = process.waitFor()
  System.err.print(text)
  calls.last().exitCode = code
  if (a.returnStdout) return text
  if (a.returnStatus) return code
  if (code != 0) throw new StepError("script returned exit code ${code}")
  null
})
binding.setVariable('error', { Object message -> record('error', String.valueOf(message)); throw new StepError(String.valueOf(message)) })
binding.setVariable('unstable', { Object message -> record('unstable', String.valueOf(message)); if (build.result == 'SUCCESS') build.result = 'UNSTABLE' })
binding.setVariable('echo', { Object message -> record('echo', String.valueOf(message)) })
binding.setVariable('recordIssues', { Map a -> if (!plugins.warningsNg) throw missing('recordIssues'); record('recordIssues', a) })
binding.setVariable('sarif', { Map a -> if (!plugins.warningsNg) throw missing('sarif'); [tool: 'sarif'] + a })
binding.setVariable('junit', { Map a -> if (plugins.junit == false) throw missing('junit'); record('junit', a) })
binding.setVariable('publishHTML', { Map a -> if (!plugins.htmlPublisher) throw missing('publishHTML'); record('publishHTML', a) })
binding.setVariable('archiveArtifacts', { Map a -> record('archiveArtifacts', a) })
binding.setVariable('copyArtifacts', { Map a ->
  if (plugins.copyArtifact == false) throw missing('copyArtifacts')
  record('copyArtifacts', a)
  if (plugins.copyArtifact == 'denied') throw new AbortException("Unable to find project for artifact copy: ${a.projectName}\nThis may be due to incorrect project name or permission settings; see help for project name in job configuration.")
})
binding.setVariable('lastSuccessful', { -> [selector: 'lastSuccessful'] })
binding.setVariable('fileExists', { Object path -> new File(spec.cwd, String.valueOf(path)).exists() })
binding.setVariable('readFile', { Object path -> new File(spec.cwd, String.valueOf(path instanceof Map ? path.file : path)).text })
binding.setVariable('string', { Map a -> [type: 'string'] + a })
binding.setVariable('file', { Map a -> [type: 'file'] + a })
binding.setVariable('withEnv', { List vars, Closure body ->
  // Values are not recorded: an environment may carry what a credential put there.
  record('withEnv', vars.collect { String.valueOf(it).replaceFirst(/=.*/, '') })
  envStack << vars.collectEntries { def kv = String.valueOf(it).split('=', 2); [kv[0], kv.size() > 1 ? kv[1] : ''] }
  try { body() } finally { envStack.remove(envStack.size() - 1) }
})
binding.setVariable('withCredentials', { List credentials, Closure body ->
  record('withCredentials', credentials)
  envStack << credentials.collectEntries { c ->
    def secret = (spec.credentials ?: [:])[c.credentialsId]
    if (secret == null) throw new StepError("Could not find credentials entry with ID '${c.credentialsId}'")
    if (c.type != 'file') return [c.variable, secret]
    // A Secret file credential: Jenkins writes it to a temporary file and binds the variable to its path.
    File copy = File.createTempFile('secret', '.tmp')
    copy.deleteOnExit()
    copy.text = secret
    [c.variable, copy.absolutePath]
  }
  try { body() } finally { envStack.remove(envStack.size() - 1) }
})
binding.setVariable('stash', { Map a -> record('stash', a); stashes[a.name] = a.includes })
binding.setVariable('unstash', { Object name -> record('unstash', String.valueOf(name)); if (!stashes.containsKey(String.valueOf(name))) throw new StepError("No such saved stash '${name}'") })
binding.setVariable('parallel', { Map branches -> record('parallel', branches.keySet().collect { String.valueOf(it) }); branches.each { k, v -> v() } })
binding.setVariable('node', { Object label, Closure body -> record('node', String.valueOf(label)); body() })
binding.setVariable('checkout', { Object scm -> record('checkout', 'scm') })
binding.setVariable('scm', [:])
binding.setVariable('env', spec.env ?: [:])
binding.setVariable('currentBuild', build)

def shell = new GroovyShell(binding)
Map loaded = [:]
['pipewardenScan', 'pipewardenMerge', 'pipewardenAttest', 'pipewardenVerify'].each { name ->
  def script = shell.parse(new File(spec.vars, "${name}.groovy"))
  script.binding = binding
  loaded[name] = script
  // As in Jenkins, a step is called as a function (its call) or for its methods (pipewardenScan.quote): the
  // closure hands every other method to the script (Groovy 2.4 calls only closures as functions).
  Closure step = { Map config -> script.call(config) }
  step.delegate = script
  step.resolveStrategy = Closure.DELEGATE_FIRST
  binding.setVariable(name, step)
}

if (spec.step == 'defaults') {
  def scan = loaded.pipewardenScan
  println(JsonOutput.toJson([defaults: scan.DEFAULTS, jenkins: scan.JENKINS_DEFAULTS]))
  return
}

def returned = null
String failure = null
try {
  returned = loaded[spec.step].call(spec.config ?: [:])
} catch (StepError e) {
  failure = e.message
  build.result = 'FAILURE'
}
println(JsonOutput.toJson([result: build.result, calls: calls, returned: returned, error: failure]))
