package fr.agir.instruction.process;

import fr.agir.instruction.InstructionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordMissingOpinionDelegate")
public class RecordMissingOpinionDelegate implements JavaDelegate {
    private final InstructionService instruction;

    public RecordMissingOpinionDelegate(InstructionService instruction) {
        this.instruction = instruction;
    }

    @Override
    public void execute(DelegateExecution execution) {
        instruction.recordMissingOpinion((Long) execution.getVariable("applicationId"),
                (String) execution.getVariable("directorate"));
    }
}
