package fr.agir.instruction.process;

import fr.agir.instruction.InstructionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reached when the instructor finds the application ineligible, or when missing pieces came too late. */
@Component("declareInadmissibleDelegate")
public class DeclareInadmissibleDelegate implements JavaDelegate {
    private final InstructionService instruction;

    public DeclareInadmissibleDelegate(InstructionService instruction) {
        this.instruction = instruction;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean deadlinePassed = InstructionService.Completeness.MISSING_PIECES.name()
                .equals(execution.getVariable("completeness"));
        instruction.declareInadmissible((Long) execution.getVariable("applicationId"), deadlinePassed,
                (String) execution.getVariable("completenessReason"));
    }
}
