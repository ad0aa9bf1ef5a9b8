/** Types of first-load-size.mjs, for the tests that read the same figure. */
export interface FileSizes {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}
export interface PageLoad {
  page: string;
  files: FileSizes[];
  raw: number;
  gzip: number;
  brotli: number;
}
export declare const BUDGET_GZIP_BYTES: number;
export declare const FIRST_LOAD: { page: string; modules: string[]; chunk?: string }[];
export declare function firstLoad(dist: string): {
  pages: PageLoad[];
  /** The stylesheets index.html links. */
  css: { files: FileSizes[]; raw: number; gzip: number; brotli: number };
  total: { files: number; raw: number; gzip: number; brotli: number };
  budgetGzip: number;
};
