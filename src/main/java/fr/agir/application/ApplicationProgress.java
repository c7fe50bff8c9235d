package fr.agir.application;

import fr.agir.web.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an application stands in the lifecycle, as the stepper shows it on the applicant's and the
 * instructor's pages: déposée → recevable → instruction → jury → vote → convention → versements →
 * compte rendu → clôturée.
 */
public final class ApplicationProgress {
    static final List<String> STEPS = List.of("Déposée", "Recevable", "Instruction", "Jury", "Vote", "Convention",
            "Versements", "Compte rendu", "Clôturée");

    private ApplicationProgress() {
    }

    public static List<Step> of(ApplicationStatus status) {
        int current;
        boolean stopped = false;
        switch (status) {
            case DRAFT -> current = 0;
            case SUBMITTED, AWAITING_PIECES -> current = 1;
            case INADMISSIBLE -> { current = 1; stopped = true; }
            case UNDER_REVIEW -> current = 2;
            case AWAITING_JURY -> current = 3;
            case AWAITING_VOTE -> current = 4;
            case REJECTED -> { current = 4; stopped = true; }
            case GRANTED -> current = 5;
            case IN_PROGRESS -> current = 6;
            case CLOSED -> current = STEPS.size();
            default -> throw new IllegalArgumentException(status.name());
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < STEPS.size(); i++) {
            Step.State state = i < current || status == ApplicationStatus.CLOSED ? Step.State.DONE
                    : i == current ? (stopped ? Step.State.STOPPED : status == ApplicationStatus.DRAFT
                    ? Step.State.TO_COME : Step.State.CURRENT) : Step.State.TO_COME;
            steps.add(new Step(STEPS.get(i), state));
        }
        return steps;
    }
}
