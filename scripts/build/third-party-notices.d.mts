export const NOTICES_FILE: string;
export const NO_LICENSE_FILE: string;
export interface ThirdPartyPackage {
  name: string;
  version: string;
  license: string;
  texts: { name: string; text: string }[];
}
export interface NoticesBlock {
  license: string;
  block: string;
}
export function packageRoot(file: string): string | undefined;
export function collectPackages(files: Iterable<string>, cwd?: string): Map<string, ThirdPartyPackage>;
export function parseNotices(text: string): Map<string, NoticesBlock>;
export function renderNotices(title: string, blocks: Map<string, NoticesBlock>): string;
export function writeNotices(options: { output: string; title: string; files?: Iterable<string>; include?: string[]; cwd?: string }): Promise<number>;
export function thirdPartyNotices(options: { output: string; title: string; include?: string[] }): { name: string; setup(build: never): void };
