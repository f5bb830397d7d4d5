import type { Log, Result } from 'sarif';
import { describe, expect, test } from 'vitest';
import { analyzeSources } from '../../engine/analyze.js';

// Issue 23's PHP checks: a page that echoes $_GET['name'] and one that builds mysqli_query from $_POST are found
// with a code flow from the superglobal to the sink; htmlspecialchars and a prepared statement silence them.

const ECHO = `<html><body>
<?php $name = $_GET['name']; ?>
<h1>Hello <?php echo $name; ?></h1>
</body></html>
`;
const ECHO_FIXED = ECHO.replace('echo $name', "echo htmlspecialchars($name, ENT_QUOTES, 'UTF-8')");
const QUERY = `<?php
$conn = mysqli_connect('localhost', 'app', 'secret', 'shop');
$user = $_POST['user'];
$sql = "SELECT * FROM orders WHERE owner = '" . $user . "'";
$rows = mysqli_query($conn, $sql);
`;
const QUERY_FIXED = `<?php
$conn = mysqli_connect('localhost', 'app', 'secret', 'shop');
$stmt = mysqli_prepare($conn, 'SELECT * FROM orders WHERE owner = ?');
mysqli_stmt_bind_param($stmt, 's', $_POST['user']);
mysqli_stmt_execute($stmt);
`;

function flows(log: Log, ruleId: string): { file: string; steps: string[] }[] {
  return (log.runs[0]!.results ?? [])
    .filter((r: Result) => r.ruleId === ruleId)
    .map((r) => ({
      file: r.locations![0]!.physicalLocation!.artifactLocation!.uri!,
      steps: r.codeFlows![0]!.threadFlows[0]!.locations.map((l) => `${l.location!.physicalLocation!.region!.startLine}: ${l.location!.message!.text}`),
    }));
}

describe('PHP', () => {
  test('echo of $_GET and mysqli_query built from $_POST are found with their flows; the fixed pages are not', async () => {
    const { log } = await analyzeSources([
      { path: 'echo.php', text: ECHO },
      { path: 'echo-fixed.php', text: ECHO_FIXED },
      { path: 'query.php', text: QUERY },
      { path: 'query-fixed.php', text: QUERY_FIXED },
    ]);
    expect(flows(log, 'php-xss')).toEqual([{ file: 'echo.php', steps: ['2: request parameter `name`', '2: assigned to `name`', '3: passed to `echo` (HTML output)'] }]);
    expect(flows(log, 'php-sql-injection')).toEqual([
      { file: 'query.php', steps: ['3: form field `user`', '3: assigned to `user`', '4: concatenated into `sql`', '5: passed to `mysqli_query` (SQL query)'] },
    ]);
    expect((log.runs[0]!.results ?? []).filter((r) => /fixed/.test(r.locations![0]!.physicalLocation!.artifactLocation!.uri!))).toEqual([]);
  });

  test('output is judged by where it lands: HTML encoding does not protect script code or unquoted attributes', async () => {
    const page = `<script>var q = <?= htmlspecialchars($_GET['q']) ?>;</script>
<a href=<?= htmlspecialchars($_GET['u']) ?>>x</a>
<a href="<?= htmlspecialchars($_GET['v'], ENT_QUOTES) ?>">y</a>
<p><?= htmlspecialchars($_GET['w']) ?></p>
`;
    const { log } = await analyzeSources([{ path: 'page.php', text: page }]);
    const hits = (log.runs[0]!.results ?? []).map((r) => [r.ruleId, r.locations![0]!.physicalLocation!.region!.startLine]);
    expect(hits).toEqual([['php-xss-unquoted-context', 1], ['php-xss-unquoted-context', 2]]);
  });

  test('sources and sinks of frameworks and superglobals: filter_input, Laravel, Symfony, classes, list(), heredoc', async () => {
    const code = `<?php
class Search {
  public function __construct(private string $term) {}
  public function term() { return $this->term; }
}
class Controller {
  public function index(Request $request) {
    $s = new Search($request->query->get('q'));
    system('grep ' . $s->term() . ' /var/log/app.log');
    [$a, $b] = [$request->input('a'), 1];
    $html = <<<HTML
<p>$a</p>
HTML;
    echo $html;
  }
}
$id = filter_input(INPUT_GET, 'id');
include 'pages/' . $id . '.php';
$n = filter_input(INPUT_GET, 'n', FILTER_VALIDATE_INT);
include 'pages/' . $n . '.php';
`;
    const { log } = await analyzeSources([{ path: 'app.php', text: code }]);
    const hits = (log.runs[0]!.results ?? []).map((r) => [r.ruleId, r.locations![0]!.physicalLocation!.region!.startLine]);
    expect(hits).toEqual(expect.arrayContaining([['php-command-injection', 9], ['php-xss', 14], ['php-file-inclusion', 18]]));
    expect(hits).not.toContainEqual(['php-file-inclusion', 20]);
  });
});
