package fr.agir.workflow;

/** Process ids, task keys and messages of bpmn/: stable API, tests and forms depend on them. */
public final class ProcessKeys {
    private ProcessKeys() {
    }

    public static final String APPLICATION_LIFECYCLE = "application-lifecycle";
    public static final String OPINION_ROUTING = "opinion-routing";
    /** bpmn/legal-instrument.dmn: AGREEMENT or ARRETE for a voted grant. */
    public static final String LEGAL_INSTRUMENT = "legal-instrument";
    public static final String CAMPAIGN = "campaign";
    public static final String DIRECTORATE_OPINION = "directorate-opinion";
    public static final String GRANT_YEAR = "grant-year";
    public static final String INSTALLMENT_PAYMENT = "installment-payment";
    public static final String JURY_SESSION = "jury-session";

    public static final String TASK_CHECK_COMPLETENESS = "Task_CheckCompleteness";
    public static final String TASK_PROVIDE_MISSING_PIECES = "Task_ProvideMissingPieces";
    public static final String TASK_GIVE_OPINION = "Task_GiveOpinion";
    public static final String TASK_WRITE_SYNTHESIS = "Task_WriteSynthesis";
    public static final String TASK_SIGN_AGREEMENT = "Task_SignAgreement";
    public static final String TASK_COUNTERSIGN_AGREEMENT = "Task_CountersignAgreement";
    public static final String TASK_PREPARE_PAYMENT = "Task_PreparePayment";
    public static final String TASK_VALIDATE_PAYMENT = "Task_ValidatePayment";
    public static final String TASK_SUBMIT_REPORT = "Task_SubmitReport";
    public static final String TASK_VALIDATE_REPORT = "Task_ValidateReport";
    public static final String TASK_FOLLOW_UP_LATE_REPORT = "Task_FollowUpLateReport";
    /** How the late report's follow-up ended: "DONE" (the instructor's « Relance effectuée ») or "RECEIVED". */
    public static final String VAR_FOLLOW_UP = "followUp";
    public static final String TASK_PREPARE_JURY_SESSION = "Task_PrepareJurySession";
    public static final String TASK_SCORE_APPLICATIONS = "Task_ScoreApplications";
    public static final String TASK_DELIBERATE = "Task_Deliberate";

    public static final String MESSAGE_JURY_RESULT = "JuryResultRecorded";
    public static final String MESSAGE_VOTE = "VoteRecorded";
    /** Starts the lifecycle's interrupting event sub-process "Candidature retirée". */
    public static final String MESSAGE_WITHDRAWN = "ApplicationWithdrawn";
    /** Starts the lifecycle's interrupting event sub-process "Subvention retirée" (a later délibération). */
    public static final String MESSAGE_GRANT_WITHDRAWN = "GrantWithdrawn";
    /** Starts the lifecycle's non-interrupting event sub-process "Délibération modificative". */
    public static final String MESSAGE_DECISION_AMENDED = "DecisionAmended";
    /** installment-payment's "Paiement confirmé": the finance software's return paid the installment. */
    public static final String MESSAGE_PAYMENT_CONFIRMED = "PaymentConfirmed";
    public static final String EVENT_PAYMENT_CONFIRMED = "Event_PaymentConfirmed";
    public static final String EVENT_JURY_RESULT = "Event_JuryResultReceived";
    public static final String EVENT_VOTE = "Event_VoteReceived";
}
