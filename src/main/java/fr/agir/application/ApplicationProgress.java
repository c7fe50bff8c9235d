package fr.agir.application;

import fr.agir.web.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an application stands in the lifecycle, as the stepper shows it on the applicant's and the
 * instructor's pages: déposée → recevable → instruction → jury → vote → convention ou arrêté →
 * versements → compte rendu → clôturée. The step after the vote names both acts: which one a grant
 * gets is decided after the vote (bpmn/legal-instrument.dmn, in the agreement capability, which this
 * one comes before), and "Convention" alone was wrong for every arrêté.
 */
public final class ApplicationProgress {
    static final List<String> STEPS = List.of("Déposée", "Recevable", "Instruction", "Jury", "Vote", "Convention ou arrêté",
            "Versements", "Compte rendu", "Clôturée");

    private ApplicationProgress() {
    }

    public static List<Step> of(ApplicationStatus status) {
        return of(status, null);
    }

    /**
     * As {@link #of(ApplicationStatus)}; for a withdrawn application, {@code withdrawnFrom} is the
     * stage it was withdrawn at (the stepper stops there), or null if unknown (stops after "Déposée").
     */
    public static List<Step> of(ApplicationStatus status, ApplicationStatus withdrawnFrom) {
        if (status == ApplicationStatus.WITHDRAWN) {
            int at = withdrawnFrom == null || withdrawnFrom == ApplicationStatus.WITHDRAWN ? 1
                    : Math.max(1, index(withdrawnFrom));
            return steps(at, true, false);
        }
        int current = index(status);
        boolean stopped = status == ApplicationStatus.INADMISSIBLE || status == ApplicationStatus.REJECTED
                || status == ApplicationStatus.GRANT_WITHDRAWN;
        return steps(current, stopped, status == ApplicationStatus.DRAFT);
    }

    private static int index(ApplicationStatus status) {
        int current;
        switch (status) {
            case DRAFT -> current = 0;
            case SUBMITTED, AWAITING_PIECES -> current = 1;
            case INADMISSIBLE -> current = 1;
            case UNDER_REVIEW -> current = 2;
            case AWAITING_JURY -> current = 3;
            case AWAITING_VOTE -> current = 4;
            case REJECTED -> current = 4;
            // Withdrawn by a later délibération: the stepper stops at the vote, which ended it.
            case GRANT_WITHDRAWN -> current = 4;
            case GRANTED -> current = 5;
            case IN_PROGRESS -> current = 6;
            case CLOSED -> current = STEPS.size();
            default -> throw new IllegalArgumentException(status.name());
        }
        return current;
    }

    private static List<Step> steps(int current, boolean stopped, boolean draft) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < STEPS.size(); i++) {
            Step.State state = i < current ? Step.State.DONE
                    : i == current ? (stopped ? Step.State.STOPPED : draft ? Step.State.TO_COME : Step.State.CURRENT)
                    : Step.State.TO_COME;
            steps.add(new Step(STEPS.get(i), state));
        }
        return steps;
    }
}
