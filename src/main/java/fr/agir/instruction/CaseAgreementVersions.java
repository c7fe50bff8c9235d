package fr.agir.instruction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The legal act of a case and its versions (the agreement, its avenants A1, A2…), as the instructor's case
 * page lists them, with the link to prepare an avenant when the agreement is in force. The agreement comes
 * after the instruction in the lifecycle order: it implements this interface, and {@link CasePage} receives
 * it through an {@code ObjectProvider}.
 */
public interface CaseAgreementVersions {

    /** One version: its name, its date, its status in words, its PDF (null: none). */
    record Version(String name, Instant date, String status, String pdf) {
    }

    /** The versions, and the next action on avenants (null href: none). */
    record Versions(List<Version> versions, String actionHref, String actionLabel) {
    }

    /** Empty before an act exists, or for a caller who may not read it. */
    Optional<Versions> of(Long applicationId);
}
