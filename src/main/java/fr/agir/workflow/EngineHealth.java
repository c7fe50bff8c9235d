package fr.agir.workflow;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code engine} component of the readiness probe: the process engine answers a query through the
 * database, and, when job execution is enabled, its job executor runs (a node whose job executor
 * stopped would serve pages while the steps after them never move).
 */
@Component("engineHealthIndicator")
class EngineHealth extends AbstractHealthIndicator {
    private final RepositoryService repository;
    private final ObjectProvider<JobExecutor> jobExecutor;
    private final boolean jobExecutionEnabled;

    EngineHealth(RepositoryService repository, ObjectProvider<JobExecutor> jobExecutor,
                 @Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecutionEnabled) {
        super("Le moteur de processus ne répond pas");
        this.repository = repository;
        this.jobExecutor = jobExecutor;
        this.jobExecutionEnabled = jobExecutionEnabled;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long processes = repository.createProcessDefinitionQuery().latestVersion().count();
        builder.withDetail("processDefinitions", processes);
        JobExecutor executor = jobExecutor.getIfAvailable();
        boolean running = executor != null && executor.isActive();
        builder.withDetail("jobExecutor", !jobExecutionEnabled ? "disabled" : running ? "active" : "stopped");
        if (jobExecutionEnabled && !running) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
