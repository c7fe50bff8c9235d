package fr.agir.vote.process;

import fr.agir.vote.VoteService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordRejectionDelegate")
public class RecordRejectionDelegate implements JavaDelegate {
    private final VoteService votes;

    public RecordRejectionDelegate(VoteService votes) {
        this.votes = votes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        votes.closeRejected((Long) execution.getVariable("applicationId"));
    }
}
