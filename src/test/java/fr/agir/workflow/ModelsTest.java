package fr.agir.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

/** The models of bpmn/ and forms/ follow the conventions and fit together. */
class ModelsTest {

    private static List<Path> files(String folder, String extension) throws IOException {
        try (Stream<Path> paths = Files.list(Path.of(folder))) {
            return paths.filter(p -> p.toString().endsWith(extension)).sorted().toList();
        }
    }

    @Test
    void eachProcessIdIsItsFileNameAndEveryElementIsDrawn() throws IOException {
        for (Path file : files("bpmn", ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            Process process = model.getModelElementsByType(Process.class).iterator().next();
            assertThat(process.getId() + ".bpmn").isEqualTo(file.getFileName().toString());
            Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
                    .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                assertThat(node.getId()).matches("(Task|Gateway|Event|Activity)_[A-Za-z0-9]+");
                assertThat(node.getName()).as(node.getId() + " has a French name").isNotBlank();
                assertThat(drawn).as(node.getId() + " is on the diagram").contains(node.getId());
            }
        }
    }

    @Test
    void everyUserTaskHasACandidateGroupAndAFormThatExists() throws IOException {
        Set<String> forms = new java.util.HashSet<>();
        for (Path form : files("forms", ".form")) {
            String json = Files.readString(form);
            String id = form.getFileName().toString().replace(".form", "");
            assertThat(json).contains("\"id\": \"" + id + "\"");
            forms.add(id);
        }
        List<String> referenced = new ArrayList<>();
        for (Path file : files("bpmn", ".bpmn")) {
            for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
                assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
                assertThat(task.getCamundaFormRef()).as(task.getId()).isIn(forms);
                assertThat(task.isCamundaAsyncAfter()).as(task.getId() + " is a save point").isTrue();
                referenced.add(task.getCamundaFormRef());
            }
            // The application form, filled in the portal, is the start form of the lifecycle.
            for (org.camunda.bpm.model.bpmn.instance.StartEvent start : Bpmn.readModelFromFile(file.toFile())
                    .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    assertThat(start.getCamundaFormRef()).as(start.getId()).isIn(forms);
                    referenced.add(start.getCamundaFormRef());
                }
            }
        }
        assertThat(referenced).containsAll(forms);
    }

    @Test
    void costlyOrNonIdempotentStepsStartWithASavePoint() {
        Map<String, String> required = Map.of("Task_GenerateAgreement", "application-lifecycle.bpmn",
                "Task_IssueArrete", "application-lifecycle.bpmn",
                "Task_ChooseLegalInstrument", "application-lifecycle.bpmn",
                "Task_IssuePaymentOrder", "installment-payment.bpmn",
                "Task_TransmitJuryResults", "jury-session.bpmn");
        required.forEach((taskId, file) -> {
            BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn", file).toFile());
            FlowNode task = model.getModelElementById(taskId);
            assertThat(startsAtASavePoint(model, task, new java.util.HashSet<>())).as(taskId + " starts at a save point")
                    .isTrue();
        });
    }

    /**
     * Its own asyncBefore, or (issue 21: one job less per payment) every way in comes from a step whose
     * asyncAfter is the save point, with nothing but gateways between: the same transaction boundary.
     */
    private static boolean startsAtASavePoint(BpmnModelInstance model, FlowNode node, Set<String> seen) {
        if (node.isCamundaAsyncBefore()) {
            return true;
        }
        List<FlowNode> sources = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.SequenceFlow.class)
                .stream().filter(flow -> flow.getTarget().getId().equals(node.getId()))
                .map(org.camunda.bpm.model.bpmn.instance.SequenceFlow::getSource).toList();
        return seen.add(node.getId()) && !sources.isEmpty() && sources.stream().allMatch(source ->
                source.isCamundaAsyncAfter() || source instanceof org.camunda.bpm.model.bpmn.instance.Gateway
                        && startsAtASavePoint(model, source, seen));
    }
}
