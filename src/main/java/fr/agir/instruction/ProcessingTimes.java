package fr.agir.instruction;

import fr.agir.application.ApplicationService;
import fr.agir.workflow.Workflow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long each step of a campaign's applications takes, from the engine's history: median and 90th
 * percentile in days per step, and the team's overdue steps.
 */
@Service
public class ProcessingTimes {
    private static final BigDecimal MILLIS_PER_DAY = BigDecimal.valueOf(86_400_000L);

    private final Workflow workflow;
    private final ApplicationService applications;
    private final InstructionQueue queue;

    public ProcessingTimes(Workflow workflow, ApplicationService applications, InstructionQueue queue) {
        this.workflow = workflow;
        this.applications = applications;
        this.queue = queue;
    }

    public record StepTimes(String taskKey, String step, int finished, BigDecimal medianDays, BigDecimal p90Days) {
    }

    public record Dashboard(Long campaignId, List<StepTimes> steps, List<InstructionQueue.Item> overdue) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Dashboard of(Long campaignId) {
        Map<String, List<Long>> byStep = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Workflow.StepDuration d : workflow.finishedStepDurations(applications.referencesOfCampaign(campaignId))) {
            byStep.computeIfAbsent(d.taskKey(), k -> new ArrayList<>()).add(d.millis());
            names.putIfAbsent(d.taskKey(), d.name());
        }
        List<StepTimes> steps = new ArrayList<>();
        byStep.forEach((key, durations) -> {
            durations.sort(Long::compare);
            steps.add(new StepTimes(key, names.get(key), durations.size(), days(percentile(durations, 50)),
                    days(percentile(durations, 90))));
        });
        InstructionQueue.Filter overdue = new InstructionQueue.Filter(campaignId, null, null, null, null, null, true,
                null, InstructionQueue.Sort.DEADLINE);
        return new Dashboard(campaignId, steps, queue.queue(overdue, 0, 200).items());
    }

    /** The nearest-rank percentile of sorted values. */
    static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static BigDecimal days(long millis) {
        return BigDecimal.valueOf(millis).divide(MILLIS_PER_DAY, 1, RoundingMode.HALF_UP);
    }
}
