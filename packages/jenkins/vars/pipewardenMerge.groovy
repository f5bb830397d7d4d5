// pipewardenMerge: the fan-out. Shards scan in parallel branches (each reports, none gates), stash their
// SARIF, and one merge joins them and gates once with the usual publishing. docs/jenkins.md.
def call(Map config = [:]) {
  List known = ['shards', 'scan', 'command', 'node']
  List unknown = (config.keySet() - known).collect { String.valueOf(it) }.sort()
  if (unknown) error("pipewardenMerge: unknown parameter${unknown.size() > 1 ? 's' : ''} ${unknown.join(', ')} (known: ${known.join(', ')})")
  int shards = config.shards ?: 2
  if (!(shards instanceof Integer) || shards < 1 || shards > 100) error('pipewardenMerge: shards must be a whole number from 1 to 100')
  Map scan = (config.scan ?: [:]) as Map
  String command = config.command ?: scan.command ?: 'npx --yes @pipewarden/cli@0.1.0'
  Map branches = [:]
  for (int i = 1; i <= shards; i++) {
    int index = i
    branches["pipewarden shard ${index}/${shards}".toString()] = {
      Closure work = {
        pipewardenScan(scan + [command: command, shard: "${index}/${shards}".toString(), outDir: "pipewarden-shard-${index}".toString(), failOn: 'never', publish: false, comment: false, tickets: 'none'])
        stash(name: "pipewarden-shard-${index}".toString(), includes: "pipewarden-shard-${index}/results.sarif")
      }
      // On other agents when a label is given (each checks out the same commit).
      if (config.node) node(config.node) { checkout(scm); work() } else work()
    }
  }
  parallel(branches)
  for (int i = 1; i <= shards; i++) unstash("pipewarden-shard-${i}".toString())
  String files = (1..shards).collect { "'pipewarden-shard-${it}/results.sarif'" }.join(' ')
  sh(script: "${command} merge ${files} -o pipewarden-merged.sarif")
  return pipewardenScan(scan + [command: command, scanners: 'none', reports: ['pipewarden-merged.sarif']])
}
