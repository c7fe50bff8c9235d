package fr.agir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.agir.application.Application;
import fr.agir.application.ApplicationStatus;
import fr.agir.application.TargetPublic;
import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignStatus;
import fr.agir.campaign.Thematic;
import fr.agir.shared.StateConflictException;
import fr.agir.structure.LegalForm;
import fr.agir.structure.Structure;
import java.math.BigDecimal;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** bpmn/campaign.bpmn: the call opens and closes on its dates; after closing, no submission. */
class CampaignProcessTest extends ProcessTestSupport {

    @Test
    void theCampaignOpensOnItsOpeningDateAndRefusesSubmissionsOnceClosed() {
        Campaign campaign = openCampaign();
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(campaign.getCode())
                .singleResult();
        assertThat(pi).isWaitingAt("Event_ClosingDateReached").hasPassed("Task_OpenCampaign");
        Structure structure = registerStructure("porteuse", LegalForm.SCIC);
        Application draft = draft(campaign, structure, "porteuse", Thematic.TRANSITION_ECOLOGIQUE,
                TargetPublic.TOUS_PUBLICS, 1, new BigDecimal("15000.00"));

        fireTimer(campaign.getCode(), "Event_ClosingDateReached");

        assertThat(pi).isEnded().hasPassed("Task_CloseCampaign", "Event_CampaignClosed");
        assertThat(campaigns.get(campaign.getId()).getStatus()).isEqualTo(CampaignStatus.CLOSED);
        assertThatThrownBy(() -> as("porteuse", () -> applications.submit(draft.getId())))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("clos");
        assertThat(applications.get(draft.getId()).getStatus()).isEqualTo(ApplicationStatus.DRAFT);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(draft.getReference()).count())
                .isZero();
    }

    @Test
    void aScheduledCampaignWaitsForItsOpeningDate() {
        Campaign campaign = as("admin", () -> campaigns.create(new fr.agir.campaign.CampaignService.NewCampaign(
                "FUTURE-" + System.nanoTime(), "Appel futur", java.time.LocalDate.now(fr.agir.shared.TimeConfig.PARIS).plusDays(10),
                java.time.LocalDate.now(fr.agir.shared.TimeConfig.PARIS).plusDays(40), new BigDecimal("1.00"), new BigDecimal("1.00"), 1,
                java.util.EnumSet.of(Thematic.ENGAGEMENT_CITOYEN))));
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(campaign.getCode())
                .singleResult();
        assertThat(pi).isWaitingAt("Event_OpeningDateReached");
        assertThat(campaigns.get(campaign.getId()).getStatus()).isEqualTo(CampaignStatus.SCHEDULED);
    }
}
