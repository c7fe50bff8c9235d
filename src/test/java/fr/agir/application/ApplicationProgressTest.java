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
                "Vote", "Convention", "Versements", "Compte rendu", "Clôturée");
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
}
