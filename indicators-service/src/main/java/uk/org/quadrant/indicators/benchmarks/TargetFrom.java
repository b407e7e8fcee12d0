package uk.org.quadrant.indicators.benchmarks;

/** The benchmark an indicator's RAG is measured against when it takes its target from one ("at or better than"). */
public enum TargetFrom {
    ENGLAND,
    REGION,
    NEIGHBOURS_MEAN,
    NEIGHBOURS_MEDIAN
}
