// The cyclonedx-npm scanner's runner: the CycloneDX generator's own command line (it has no other API), bundled
// with everything it loads, so the same file runs from the CLI's install and from the GitHub Action's
// dist/runners/. Its optional validators (ajv, and libxmljs2, a native addon) are left out: it writes the
// JSON SBOM without validating it against the schema, and nobody installing Pipewarden compiles anything.
import { run } from 'cyclonedx-npm-cli';

run(process).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = Math.max(1, Math.floor(Number((error as { code?: unknown }).code)) || 254);
  },
);
