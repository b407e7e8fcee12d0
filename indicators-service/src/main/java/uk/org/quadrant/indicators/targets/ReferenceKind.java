package uk.org.quadrant.indicators.targets;

/** The figures a value is measured against. */
public enum ReferenceKind {
    TARGET,
    BASELINE,
    BENCHMARK
}
