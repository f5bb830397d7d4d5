export const NOTICES_FILE: string;
export const NO_LICENSE_FILE: string;
export interface ThirdPartyPackage {
  name: string;
  version: string;
  license: string;
  texts: { name: string; text: string }[];
}
export function packageRoot(file: string): string | undefined;
export function collectPackages(files: Iterable<string>, cwd?: string): Map<string, ThirdPartyPackage>;
export function parseNotices(text: string, file?: string): Map<string, ThirdPartyPackage>;
export function renderNotices(title: string, packages: Map<string, ThirdPartyPackage>): string;
export function writeNotices(options: { output: string; title: string; files?: Iterable<string>; include?: string[]; cwd?: string }): Promise<number>;
export function thirdPartyNotices(options: { output: string; title: string; include?: string[] }): { name: string; setup(build: never): void };
