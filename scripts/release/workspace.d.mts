export const repoRoot: string;
export interface WorkspacePackage {
  name: string;
  version: string;
  dir: string;
  manifest: Record<string, unknown> & { name: string; version: string; private?: boolean };
}
export function workspacePackages(): WorkspacePackage[];
export function publicPackages(): WorkspacePackage[];
export function packPackages(dir: string): Map<string, string>;
export function dependencyClosure(packages?: WorkspacePackage[]): (WorkspacePackage & { dir: string })[];
