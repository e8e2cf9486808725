/** The instrumentation scope of every span Commerce Graph makes (kept here, below every layer that makes spans). */
export const TRACER_NAME = "commerce-graph";
