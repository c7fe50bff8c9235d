package fr.agir.reporting;

import fr.agir.application.Application;
import fr.agir.application.ApplicationRepository;
import fr.agir.application.OverdueReports;
import fr.agir.instruction.ReportingRecord;
import fr.agir.shared.TimeConfig;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a structure owes in financial reports, for the earlier capabilities: the portal's home and the
 * submission rule (application's {@link OverdueReports}) and the case view's reporting record
 * (instruction's {@link ReportingRecord}). Callers have already checked who may see the structure.
 */
@Component
class ReportObligations implements OverdueReports, ReportingRecord {
    private final ReportRepository reports;
    private final ApplicationRepository applications;
    private final Clock clock;

    ReportObligations(ReportRepository reports, ApplicationRepository applications, Clock clock) {
        this.reports = reports;
        this.applications = applications;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Awaited> overdue(Long structureId) {
        LocalDate today = today();
        return awaited(reports.ofStructure(structureId).stream()
                .filter(r -> r.isAwaited() && ReportReminders.lateDays(r, today) > 0).toList(), today);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Awaited> awaited(Collection<Long> applicationIds) {
        if (applicationIds.isEmpty()) {
            return List.of();
        }
        return awaited(reports.findByApplicationIdInOrderByDueDate(applicationIds).stream()
                .filter(Report::isAwaited).toList(), today());
    }

    private List<Awaited> awaited(List<Report> owed, LocalDate today) {
        Map<Long, Application> apps = applications.findAllById(owed.stream().map(Report::getApplicationId).toList())
                .stream().collect(Collectors.toMap(Application::getId, Function.identity()));
        return owed.stream().map(r -> {
            Application a = apps.get(r.getApplicationId());
            return new Awaited(a.getId(), a.getReference(), a.getTitle(), r.getGrantYear(), r.getDueDate(),
                    ReportReminders.inWords(r.getDueDate(), today), today.isAfter(r.getDueDate()),
                    "/portail/candidatures/" + a.getId() + "/compte-rendu");
        }).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Line> of(Long structureId) {
        LocalDate today = today();
        List<Report> all = reports.ofStructure(structureId);
        Map<Long, Application> apps = applications.findAllById(all.stream().map(Report::getApplicationId).toList())
                .stream().collect(Collectors.toMap(Application::getId, Function.identity()));
        return all.stream().map(r -> line(r, apps.get(r.getApplicationId()), today)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Line> pending(Collection<Long> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Map.of();
        }
        LocalDate today = today();
        List<Report> open = reports.findByApplicationIdInOrderByDueDate(applicationIds).stream()
                .filter(r -> r.getStatus() != Report.Status.VALIDATED && r.getStatus() != Report.Status.RECOVERY)
                .toList();
        Map<Long, Application> apps = applications.findAllById(open.stream().map(Report::getApplicationId).toList())
                .stream().collect(Collectors.toMap(Application::getId, Function.identity()));
        Map<Long, Line> out = new java.util.HashMap<>();
        open.forEach(r -> out.putIfAbsent(r.getApplicationId(), line(r, apps.get(r.getApplicationId()), today)));
        return out;
    }

    private static Line line(Report r, Application a, LocalDate today) {
        return new Line(r.getApplicationId(), a.getReference(), r.getGrantYear(), r.getDueDate(),
                r.getFirstSubmittedAt() == null ? null : LocalDate.ofInstant(r.getFirstSubmittedAt(), TimeConfig.PARIS),
                statusInWords(r), ReportReminders.lateDays(r, today), r.isAwaited(), r.getId());
    }

    static String statusInWords(Report r) {
        return switch (r.getStatus()) {
            case EXPECTED -> "Attendu";
            case SUBMITTED -> "Remis, à examiner";
            case RETURNED -> "Renvoyé à la structure pour être complété";
            case VALIDATED -> "Validé";
            case RECOVERY -> "Reversement demandé" + (r.getRecoveryOrderNumber() == null ? ""
                    : " (titre " + r.getRecoveryOrderNumber() + ")");
        };
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfig.PARIS));
    }
}
