// The output formats of `cpworkflow validate`, by --format name.
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { ValidationReport } from './report';
import { formatSarif } from './sarif';
import { formatText } from './text';

export const FORMATS: Readonly<Record<string, (report: ValidationReport) => string>> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
};

export { SEVERITY_THRESHOLDS, atOrAbove, countBySeverity, repositoryRoot } from './report';
export type { FileResult, Problem, SeverityThreshold, ValidationReport } from './report';
