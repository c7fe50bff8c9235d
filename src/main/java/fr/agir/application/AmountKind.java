package fr.agir.application;

/** The successive amounts of an application, per year. */
public enum AmountKind {
    /** Asked by the structure (= line 74 Département of its budget). */
    REQUESTED,
    /** Proposed by the instructor's synthesis. */
    PROPOSED,
    /** Proposed by the jury. */
    JURY,
    /** Voted by the Commission permanente. */
    GRANTED
}
