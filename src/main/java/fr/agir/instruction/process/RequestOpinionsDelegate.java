package fr.agir.instruction.process;

import fr.agir.instruction.DirectorateRegistry;
import fr.agir.instruction.InstructionService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Turns the routing table's result into one opinion request per active directorate. */
@Component("requestOpinionsDelegate")
public class RequestOpinionsDelegate implements JavaDelegate {
    private final InstructionService instruction;
    private final DirectorateRegistry directorates;

    public RequestOpinionsDelegate(InstructionService instruction, DirectorateRegistry directorates) {
        this.instruction = instruction;
        this.directorates = directorates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> routed = new ArrayList<>();
        Object result = execution.getVariable("routedDirectorates");
        if (result instanceof List<?> list) {
            for (Object entry : list) {
                // collectEntries gives the output values; tolerate single-entry maps too.
                routed.add(entry instanceof Map<?, ?> map ? String.valueOf(map.values().iterator().next())
                        : String.valueOf(entry));
            }
        }
        Long applicationId = (Long) execution.getVariable("applicationId");
        execution.setVariable("directorates", new ArrayList<>(instruction.requestOpinions(applicationId,
                directorates.consulted(applicationId, routed),
                names(execution.getVariable("routingAdded")), names(execution.getVariable("routingRemoved")),
                (String) execution.getVariable("routingReason"))));
        execution.removeVariable("routedDirectorates");
    }

    private static List<String> names(Object variable) {
        List<String> names = new ArrayList<>();
        if (variable instanceof List<?> list) {
            list.forEach(v -> names.add(String.valueOf(v)));
        }
        return names;
    }
}
