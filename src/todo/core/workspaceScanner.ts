// Scans a folder tree for TODOs with plain Node (the engine: treeScan.ts), with the parser's own
// functions: what tests, the bench and any caller outside a lazy bundle use.
import { languageForFile } from './languages';
import { SecretFileMatcher } from './secrets';
import { DEFAULT_TAGS, findTodos } from './todoParser';
import { scanTree, type ScanOptions, type ScanResult } from './treeScan';

export { DEFAULT_MAX_FILE_SIZE, type FileTodos, type ScanOptions, type ScanParser, type ScanResult, type ScanStats } from './treeScan';

/** One default matcher and one parser object: a ScanCache keeps its results only while these stay the same. */
let defaultSecretFiles: SecretFileMatcher | undefined;
const PARSER = { findTodos, languageForFile, defaultTags: DEFAULT_TAGS };

/** Scans `options.root` with the parser's own functions and, unless given, the default secret files. */
export function scanWorkspace(options: ScanOptions): Promise<ScanResult> {
  return scanTree({ ...options, secretFiles: options.secretFiles ?? (defaultSecretFiles ??= new SecretFileMatcher()) }, PARSER);
}

