package fr.agir.workflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Fills the open tasks projection from the engine at start: always when
 * {@code agir.task-projection.rebuild=true} (e.g. {@code java -jar agir.jar --agir.task-projection.rebuild=true}
 * after a migration or a restore), and by itself when the projection is empty while the engine has open
 * tasks (the first start after V32 on an existing database).
 */
@Component
class TaskProjectionStartup implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(TaskProjectionStartup.class);

    private final TaskProjection projection;
    private final boolean rebuild;

    TaskProjectionStartup(TaskProjection projection,
                          @Value("${agir.task-projection.rebuild:false}") boolean rebuild) {
        this.projection = projection;
        this.rebuild = rebuild;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (rebuild) {
            log.info("agir.task-projection.rebuild=true: rebuilding the open tasks projection");
            projection.rebuild();
        } else if (projection.emptyWhileEngineHasTasks()) {
            log.info("The open tasks projection is empty while the engine has open tasks: rebuilding it");
            projection.rebuild();
        }
    }
}
