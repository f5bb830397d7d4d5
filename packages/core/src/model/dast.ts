/** What the pipeline hands a DAST scanner besides the target URL: where its guard listens, what it must not ask. */
export interface DastHandOff {
  /** The guard proxy each DAST scanner sends its requests through, by scanner id. */
  proxies: Readonly<Record<string, string>>;
  /** URL wildcards the scanner is told to skip (Wapiti `-x`); the guard refuses them anyway. */
  exclude: readonly string[];
  /** More pages to start the crawl from, absolute. */
  startUrls: readonly string[];
  /** The whole run's budget in seconds (dast.max_scan_time). */
  budgetSeconds: number;
  profile: 'quick' | 'full';
  /** https targets, where the guard only tunnels: the session's cookies in a file of the scanner's format, outside raw/. */
  cookieFile?: string | undefined;
  /** https targets: header names whose values the scanner must be given itself (set in its environment, not its arguments, where it can). */
  headers?: Readonly<Record<string, string>> | undefined;
  /** https targets: the session's Cookie header, for a scanner that takes no cookie file (ZAP). */
  cookie?: string | undefined;
}

/** What a DAST scan covered, and whether its session held: in the summary, report.json and the SARIF run. */
export interface DastCoverage {
  target: string;
  /** How the scan was logged in ("login form", "header Authorization"), or empty when it was not. */
  auth: string[];
  session: { start: 'valid' | 'invalid' | 'not checked'; end: 'valid' | 'lost' | 'not checked'; detail?: string | undefined };
  /** Distinct pages requested, and how many of them answered with the login page (or 401/403). */
  urls: number;
  loginWall: number;
  forms: number;
  parameters: number;
  requests: number;
  modules: string[];
  refused: { excluded: Record<string, number>; unsafeMethod: number; offTarget: number; afterBudget: number };
  budgetSeconds: number;
  /** The time budget ran out while the scanner was still at work. */
  cut: boolean;
}
