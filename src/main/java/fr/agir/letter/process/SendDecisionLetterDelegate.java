package fr.agir.letter.process;

import fr.agir.letter.DecisionLetterService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * « Notifier le refus », « Notifier l'attribution », « Notifier l'attribution et l'arrêté »: sends the
 * letter of the application's current decision (its kind follows the decision; the act, if any, is read
 * from the agreement table). Asynchronous in the model: run by the job executor after the vote's commit;
 * a retry sends nothing twice.
 */
@Component("sendDecisionLetterDelegate")
public class SendDecisionLetterDelegate implements JavaDelegate {
    private final DecisionLetterService letters;

    public SendDecisionLetterDelegate(DecisionLetterService letters) {
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        letters.send((Long) execution.getVariable("applicationId"));
    }
}
