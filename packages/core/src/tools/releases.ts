/**
 * The pinned external tools `pipewarden tools install` puts into the tool cache: one entry per tool, one
 * asset per OS/architecture with the SHA-256 of the bytes the project published. Every checksum is the line
 * of the project's own release checksums file (`*_checksums.txt`, `osv-scanner_SHA256SUMS`, Hadolint's
 * per-asset `.sha256`). An OS/architecture the project publishes but whose checksum could not be confirmed is
 * left out (docs/tools.md lists them): a tool is never installed unverified.
 *
 * Bumping a tool: change `version` and every `sha256` of that tool together, from the new release's file.
 */

export const TOOL_OSES = ['linux', 'darwin', 'windows'] as const;
export const TOOL_ARCHES = ['amd64', 'arm64'] as const;
export type ToolOs = (typeof TOOL_OSES)[number];
export type ToolArch = (typeof TOOL_ARCHES)[number];
/** `linux/amd64`, as Go and container platforms spell it. */
export type ToolPlatform = `${ToolOs}/${ToolArch}`;

/** tar.gz and zip are unpacked; binary is the executable itself. */
export type AssetKind = 'tar.gz' | 'zip' | 'binary';

export interface ToolAsset {
  /** The file name in the release, as published. */
  readonly name: string;
  readonly sha256: string;
  readonly kind: AssetKind;
}

export interface ToolRelease {
  /** The tool's id; also the scanner ids it serves (trivy serves trivy and trivy-image). */
  readonly id: string;
  readonly title: string;
  readonly version: string;
  /** GitHub owner/name: the asset is at https://github.com/<repo>/releases/download/<tag>/<asset>. */
  readonly repo: string;
  readonly tag: string;
  /** The executable's name (without .exe), in the archive's top folder or as the installed file. */
  readonly binary: string;
  readonly scanners: readonly string[];
  readonly assets: Readonly<Partial<Record<ToolPlatform, ToolAsset>>>;
}

export interface PipTool {
  readonly id: string;
  readonly title: string;
  /** The PyPI package pipx installs. */
  readonly package: string;
  readonly version: string;
  readonly scanners: readonly string[];
}

const tarGz = (name: string, sha256: string): ToolAsset => ({ name, sha256, kind: 'tar.gz' });
const zip = (name: string, sha256: string): ToolAsset => ({ name, sha256, kind: 'zip' });
const binary = (name: string, sha256: string): ToolAsset => ({ name, sha256, kind: 'binary' });

export const TOOL_RELEASES: readonly ToolRelease[] = [
  {
    id: 'trivy',
    title: 'Trivy',
    version: '0.69.3',
    repo: 'aquasecurity/trivy',
    tag: 'v0.69.3',
    binary: 'trivy',
    scanners: ['trivy', 'trivy-image'],
    // trivy_0.69.3_checksums.txt; no windows/arm64 build is published.
    assets: {
      'linux/amd64': tarGz('trivy_0.69.3_Linux-64bit.tar.gz', '1816b632dfe529869c740c0913e36bd1629cb7688bd5634f4a858c1d57c88b75'),
      'linux/arm64': tarGz('trivy_0.69.3_Linux-ARM64.tar.gz', '7e3924a974e912e57b4a99f65ece7931f8079584dae12eb7845024f97087bdfd'),
      'darwin/amd64': tarGz('trivy_0.69.3_macOS-64bit.tar.gz', 'fec4a9f7569b624dd9d044fca019e5da69e032700edbb1d7318972c448ec2f4e'),
      'darwin/arm64': tarGz('trivy_0.69.3_macOS-ARM64.tar.gz', 'a2f2179afd4f8bb265ca3c7aefb56a666bc4a9a411663bc0f22c3549fbc643a5'),
      'windows/amd64': zip('trivy_0.69.3_windows-64bit.zip', '74362dc711383255308230ecbeb587eb1e4e83a8d332be5b0259afac6e0c2224'),
    },
  },
  {
    id: 'grype',
    title: 'Grype',
    version: '0.111.0',
    repo: 'anchore/grype',
    tag: 'v0.111.0',
    binary: 'grype',
    scanners: ['grype', 'grype-image'],
    // grype_0.111.0_checksums.txt; no windows/arm64 build is published.
    assets: {
      'linux/amd64': tarGz('grype_0.111.0_linux_amd64.tar.gz', '18ed2048d7a233566b681121d4632364f5f25d72cca86acc4c7ac57210d78a87'),
      'linux/arm64': tarGz('grype_0.111.0_linux_arm64.tar.gz', '1a8b9bd691ce274e44056e7572cdf8c6970bdf9ec694001f7b4b17962b121b43'),
      'darwin/amd64': tarGz('grype_0.111.0_darwin_amd64.tar.gz', '8fefd00f6ddd6407275be31b228089820e91c7a8cd2d046e877601773ac5062f'),
      'darwin/arm64': tarGz('grype_0.111.0_darwin_arm64.tar.gz', '62d005a1e36ac7ec0b7be801ebc8eab0053fd831a227e1dc8ea9c356d38fa361'),
      'windows/amd64': zip('grype_0.111.0_windows_amd64.zip', '17f3bfb758b3c18426a89060344d9569f4344b0a606d42b60bd89792f996e3bd'),
    },
  },
  {
    id: 'syft',
    title: 'Syft',
    version: '1.42.4',
    repo: 'anchore/syft',
    tag: 'v1.42.4',
    binary: 'syft',
    scanners: ['syft-image'],
    // syft_1.42.4_checksums.txt.
    assets: {
      'linux/amd64': tarGz('syft_1.42.4_linux_amd64.tar.gz', '590650c2743b83f327d1bf9bec64f6f83b7fec504187bb84f500c862bf8f2a0f'),
      'linux/arm64': tarGz('syft_1.42.4_linux_arm64.tar.gz', '5029bad1ed372649527b1e443cbceef7f5d6ae1cfe52c16e721559f94267128b'),
      'darwin/amd64': tarGz('syft_1.42.4_darwin_amd64.tar.gz', '4a14affad1b90f0bfa38fdb784279f01598b6099df40686391d814620e9de226'),
      'darwin/arm64': tarGz('syft_1.42.4_darwin_arm64.tar.gz', '0797b64cf8841c904682e6007a695f9cd3e72103f064dd286723c0a56a2273e2'),
      'windows/amd64': zip('syft_1.42.4_windows_amd64.zip', 'a712f912e8fc83ce2bf6a7cea213c2d5185778d66ea2e07d42c767817f77e381'),
      'windows/arm64': zip('syft_1.42.4_windows_arm64.zip', '6596227b24729d54e727917d5d59e3a6a49fc59cd505aae5a6d7eb630d871e82'),
    },
  },
  {
    id: 'gitleaks',
    title: 'Gitleaks',
    version: '8.30.1',
    repo: 'gitleaks/gitleaks',
    tag: 'v8.30.1',
    binary: 'gitleaks',
    scanners: ['gitleaks'],
    // gitleaks_8.30.1_checksums.txt (Gitleaks calls amd64 "x64"); windows/arm64 left out: no checksum confirmed.
    assets: {
      'linux/amd64': tarGz('gitleaks_8.30.1_linux_x64.tar.gz', '551f6fc83ea457d62a0d98237cbad105af8d557003051f41f3e7ca7b3f2470eb'),
      'linux/arm64': tarGz('gitleaks_8.30.1_linux_arm64.tar.gz', 'e4a487ee7ccd7d3a7f7ec08657610aa3606637dab924210b3aee62570fb4b080'),
      'darwin/amd64': tarGz('gitleaks_8.30.1_darwin_x64.tar.gz', 'dfe101a4db2255fc85120ac7f3d25e4342c3c20cf749f2c20a18081af1952709'),
      'darwin/arm64': tarGz('gitleaks_8.30.1_darwin_arm64.tar.gz', 'b40ab0ae55c505963e365f271a8d3846efbc170aa17f2607f13df610a9aeb6a5'),
      'windows/amd64': zip('gitleaks_8.30.1_windows_x64.zip', 'd29144deff3a68aa93ced33dddf84b7fdc26070add4aa0f4513094c8332afc4e'),
    },
  },
  {
    id: 'osv-scanner',
    title: 'OSV-Scanner',
    version: '2.6.0',
    repo: 'google/osv-scanner',
    tag: 'v2.6.0',
    binary: 'osv-scanner',
    scanners: ['osv-scanner'],
    // osv-scanner_SHA256SUMS: plain executables, no archive; windows/arm64 left out: no checksum confirmed.
    assets: {
      'linux/amd64': binary('osv-scanner_linux_amd64', 'ca69b3d3cd08f889a49dc0a383122f71cc528b83803671df5fd874d97485b108'),
      'linux/arm64': binary('osv-scanner_linux_arm64', '2c71403eb443d05891c4f268c3ad771cf4f16e5443463fd7851ef8f454d3c7e4'),
      'darwin/amd64': binary('osv-scanner_darwin_amd64', '60c5296637e977b28eeda5c7f13573e447659a632922737f94d11fa7e30ad6ca'),
      'darwin/arm64': binary('osv-scanner_darwin_arm64', '98c460dcd37de25819babd757d04542045b6243113e209edcd4d89fedb0256b4'),
      'windows/amd64': binary('osv-scanner_windows_amd64.exe', 'e0ed7644118b717b028c249ee9d3515024e55e8510747ca08906eb96765354d6'),
    },
  },
  {
    id: 'hadolint',
    title: 'Hadolint',
    version: '2.14.0',
    repo: 'hadolint/hadolint',
    tag: 'v2.14.0',
    binary: 'hadolint',
    scanners: ['hadolint'],
    // hadolint-<os>-<arch>.sha256: plain executables; no windows/arm64 build is published.
    assets: {
      'linux/amd64': binary('hadolint-linux-x86_64', '6bf226944684f56c84dd014e8b979d27425c0148f61b3bd99bcc6f39e9dc5a47'),
      'linux/arm64': binary('hadolint-linux-arm64', '331f1d3511b84a4f1e3d18d52fec284723e4019552f4f47b19322a53ce9a40ed'),
      'darwin/amd64': binary('hadolint-macos-x86_64', '2b69a853433f1eca522ffb921cd490bd1321424d03331fd8390f93b7fb4a02e9'),
      'darwin/arm64': binary('hadolint-macos-arm64', '3625e2e9f43dcfe7bd38738a5f5520ed50ce39ed28485266e6803dd7bc197b10'),
      'windows/amd64': binary('hadolint-windows-x86_64.exe', '8e0ee174f88edb14f207a68430c7a53c2883ed509cdbde9a3a26fffa140fa5e4'),
    },
  },
];

/** Python tools: installed with `pipx install <package>==<version>`, each in its own virtual environment. */
export const PIP_TOOLS: readonly PipTool[] = [
  { id: 'semgrep', title: 'Semgrep', package: 'semgrep', version: '1.185.0', scanners: ['semgrep'] },
  { id: 'checkov', title: 'Checkov', package: 'checkov', version: '3.3.30', scanners: ['checkov'] },
  { id: 'bandit', title: 'Bandit', package: 'bandit', version: '1.9.4', scanners: ['bandit'] },
];
