// The workspace scan's second core (treeScan.ts): a worker thread that decodes and parses the files the main
// thread read and found a tag in, while the main thread walks, reads and parses the rest. Its own bundle
// (dist/scanWorker.js, esbuild.js) with its own copy of the parser; loaded only for a scan that reads the
// whole tree (the first one), never by activation.
import { parentPort } from 'worker_threads';
import { findTodos, type TodoItem } from './todoParser';
import { textOf } from './treeScan';

export interface ScanJob {
  id: number;
  languageId: string;
  tags: readonly string[];
  bytes: Uint8Array;
}

export type ScanJobResult = { id: number; todos: TodoItem[] } | { id: number; error: string };

const port = parentPort;
if (port) {
  port.on('message', (job: ScanJob) => {
    let answer: ScanJobResult;
    try {
      answer = { id: job.id, todos: findTodos(textOf(job.bytes), job.languageId, { tags: job.tags }) };
    } catch (error) {
      answer = { id: job.id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(answer);
  });
}
