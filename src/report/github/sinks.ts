import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ScanReport } from '../../core/report.js';
import { writeFileAtomicSync } from '../../io/write.js';
import type { GitHub } from '../../sources/github/client.js';
import type { ReportedFinding } from '../reported.js';
import { render, reportFor } from '../render.js';
import type { Sink } from '../sink.js';
import { annotationLines } from './annotations.js';
import { uploadSarif, withCategory } from './code-scanning.js';
import { summaryMarkdown } from './markdown.js';
import type { Workflow } from './workflow.js';

/** SARIF as the Action writes and uploads it: always redacted, paths relative to the workspace, with its code-scanning category when given. */
export function sarifText(report: ScanReport, workspace: string, category?: string): string {
  const sarif = render(report, { format: 'sarif', redact: true, root: workspace });
  return category ? withCategory(sarif, category) : sarif;
}

/** The SARIF file of the `sarif-file` input, written atomically. */
export function sarifFileSink(file: string, workspace: string, category?: string): Sink {
  return {
    finish(report) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileAtomicSync(file, sarifText(report, workspace, category));
    },
  };
}

export interface WorkflowSinkOptions {
  /** One sentence on what was scanned and how, for the log and the job summary. */
  scope: string;
  link?: (finding: ReportedFinding) => string | undefined;
  /** Warnings shown in the log and the summary (a comment or upload skipped, and why). */
  notes?: readonly string[];
  /** The `sarif-file` output (absolute path, or empty). */
  sarifFile: string;
  /** Annotations on the findings' lines (the `annotations` input). Default true. */
  annotations?: boolean;
  /** The job summary (the `summary` input). Default true. */
  summary?: boolean;
}

/**
 * What the runner shows a workflow: annotations for the first findings, a
 * log line, the job summary, and the step outputs. Everything here is
 * redacted: the Action has no way to show a secret.
 */
export function workflowSink(workflow: Workflow, options: WorkflowSinkOptions): Sink {
  return {
    finish(report) {
      workflow.debug(`scanned ${report.stats.files} files, ${report.stats.bytes} bytes; ${report.findings.length} findings`);
      const findings = reportFor(report, { redact: true }).findings;
      if (options.annotations !== false) for (const line of annotationLines(findings)) workflow.command(line);
      const n = findings.length;
      workflow.info(
        `keyhound: ${n === 0 ? 'no secrets' : `${n} secret${n === 1 ? '' : 's'}`} found in ${report.stats.files} files. ${options.scope}`,
      );
      for (const note of options.notes ?? []) workflow.warning(note, 'keyhound');
      if (options.summary !== false)
        workflow.appendSummary(
          summaryMarkdown(findings, {
            scope: options.scope,
            stats: report.stats,
            ...(options.link ? { link: options.link } : {}),
            notes: options.notes ?? [],
          }),
        );
      workflow.setOutput('findings', String(n));
      workflow.setOutput('sarif-file', options.sarifFile);
    },
  };
}

export interface UploadTarget {
  owner: string;
  repo: string;
  commitSha: string;
  ref: string;
  workspace: string;
  /** Code-scanning category (`keyhound/diff`, `keyhound/full`, or the `sarif-category` input). */
  category?: string;
}

/** The SARIF uploaded to code scanning. */
export function codeScanningSink(gh: GitHub, target: UploadTarget, log: (message: string) => void): Sink {
  return {
    async finish(report) {
      const upload = await uploadSarif(gh, {
        owner: target.owner,
        repo: target.repo,
        commitSha: target.commitSha,
        ref: target.ref,
        sarif: sarifText(report, target.workspace, target.category),
      });
      log(
        `keyhound: SARIF uploaded to code scanning for ${target.ref} at ${target.commitSha.slice(0, 12)}${target.category ? `, category ${target.category}` : ''} (id ${upload.id})`,
      );
    },
  };
}

/**
 * A sink whose failure must not stop the others (a comment or an upload the
 * token may not make): the error is handed to `onError` and the run goes on,
 * its results already out.
 */
export function tolerant(sink: Sink, onError: (error: unknown) => void): Sink {
  return {
    open: (streaming) => sink.open?.(streaming),
    finding: (finding) => sink.finding?.(finding),
    async finish(report) {
      try {
        await sink.finish(report);
      } catch (error) {
        onError(error);
      }
    },
    abort: () => sink.abort?.(),
  };
}
