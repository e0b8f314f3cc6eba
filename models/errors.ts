/**
 * The project's one error module. Every error carries a stable `code`, a message that names the file,
 * function or value at fault, and an optional hint for the fix. Only the CLI turns these into exit codes.
 *
 * Models throw `ModelInputError` (bad arguments to a pure function); pipelines throw `SourceError`
 * (a source file or manifest is wrong), `SchemaError` (configuration does not match its schema),
 * `BuildError` (a stage failed) and `UsageError` (bad command-line usage).
 */
export type ProjectErrorCode = "source" | "schema" | "model-input" | "build" | "usage" | "integrity";

export class ProjectError extends Error {
  readonly code: ProjectErrorCode;
  readonly hint: string | undefined;

  constructor(code: ProjectErrorCode, message: string, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.hint = hint;
  }

  /** The message followed by its hint, as the CLI prints it. */
  describe(): string {
    return this.hint ? `${this.message}\nHint: ${this.hint}` : this.message;
  }
}

/** A source file, manifest or mirror is wrong or missing. */
export class SourceError extends ProjectError {
  constructor(message: string, hint?: string) {
    super("source", message, hint);
  }
}

/** A downloaded or mirrored file does not have the sha256 its manifest declares. */
export class IntegrityError extends ProjectError {
  constructor(message: string, hint?: string) {
    super("integrity", message, hint);
  }
}

/** Configuration (YAML or a committed table) does not match its schema. */
export class SchemaError extends ProjectError {
  constructor(message: string, hint?: string) {
    super("schema", message, hint);
  }
}

/** A pure model was called with arguments it cannot compute from. */
export class ModelInputError extends ProjectError {
  constructor(message: string, hint?: string) {
    super("model-input", message, hint);
  }
}

/** A pipeline stage failed for a reason that is not bad input. */
export class BuildError extends ProjectError {
  constructor(message: string, hint?: string) {
    super("build", message, hint);
  }
}

/** The command line was used wrongly. */
export class UsageError extends ProjectError {
  constructor(message: string, hint?: string) {
    super("usage", message, hint);
  }
}
