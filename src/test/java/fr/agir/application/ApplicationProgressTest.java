package fr.agir.application;

import static org.assertj.core.api.Assertions.assertThat;

import fr.agir.web.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationProgressTest {

    @Test
    void anApplicationUnderReviewHasPassedSubmissionAndAdmissibility() {
        List<Step> steps = ApplicationProgress.of(ApplicationStatus.UNDER_REVIEW);
        assertThat(steps).extracting(Step::label).containsExactly("Déposée", "Recevable", "Instruction", "Jury",
                "Vote", "Convention ou arrêté", "Versements", "Compte rendu", "Clôturée");
        assertThat(steps).extracting(Step::state).containsExactly(Step.State.DONE, Step.State.DONE,
                Step.State.CURRENT, Step.State.TO_COME, Step.State.TO_COME, Step.State.TO_COME, Step.State.TO_COME,
                Step.State.TO_COME, Step.State.TO_COME);
    }

    @Test
    void aRejectionStopsAtTheVote() {
        List<Step> steps = ApplicationProgress.of(ApplicationStatus.REJECTED);
        assertThat(steps.get(4)).isEqualTo(new Step("Vote", Step.State.STOPPED));
        assertThat(steps.get(5).state()).isEqualTo(Step.State.TO_COME);
    }

    @Test
    void everyStatusHasItsPlaceAndAClosedGrantIsAllDone() {
        for (ApplicationStatus status : ApplicationStatus.values()) {
            assertThat(ApplicationProgress.of(status)).hasSize(9);
        }
        assertThat(ApplicationProgress.of(ApplicationStatus.CLOSED)).extracting(Step::state).containsOnly(Step.State.DONE);
        assertThat(ApplicationProgress.of(ApplicationStatus.DRAFT)).extracting(Step::state).containsOnly(Step.State.TO_COME);
    }

    private static List<Step.State> states(List<Step> steps) {
        return steps.stream().map(Step::state).toList();
    }

    @Test
    void aWithdrawnApplicationStopsAtTheStepItWasWithdrawnAt() {
        List<Step> steps = ApplicationProgress.of(ApplicationStatus.WITHDRAWN, ApplicationStatus.AWAITING_JURY);
        assertThat(steps.get(3).label()).isEqualTo("Jury");
        assertThat(states(steps)).containsExactly(Step.State.DONE, Step.State.DONE, Step.State.DONE,
                Step.State.STOPPED, Step.State.TO_COME, Step.State.TO_COME, Step.State.TO_COME, Step.State.TO_COME,
                Step.State.TO_COME);
        assertThat(states(ApplicationProgress.of(ApplicationStatus.WITHDRAWN)).indexOf(Step.State.STOPPED))
                .as("stage unknown: after the submission").isEqualTo(1);
    }

    @Test
    void theOtherStagesAreUnchanged() {
        assertThat(states(ApplicationProgress.of(ApplicationStatus.DRAFT))).containsOnly(Step.State.TO_COME);
        assertThat(states(ApplicationProgress.of(ApplicationStatus.CLOSED))).containsOnly(Step.State.DONE);
        assertThat(states(ApplicationProgress.of(ApplicationStatus.REJECTED)).indexOf(Step.State.STOPPED)).isEqualTo(4);
        assertThat(states(ApplicationProgress.of(ApplicationStatus.UNDER_REVIEW)).indexOf(Step.State.CURRENT)).isEqualTo(2);
    }

    @Test
    void withdrawalIsPossibleUntilTheVoteOnly() {
        assertThat(java.util.Arrays.stream(ApplicationStatus.values()).filter(ApplicationStatus::withdrawable))
                .containsExactly(ApplicationStatus.SUBMITTED, ApplicationStatus.AWAITING_PIECES,
                        ApplicationStatus.UNDER_REVIEW, ApplicationStatus.AWAITING_JURY, ApplicationStatus.AWAITING_VOTE);
    }
}
