package fr.agir.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.application.BudgetLineCode;
import fr.agir.application.YearBudget;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.StateConflictException;
import fr.agir.structure.DocumentType;
import fr.agir.structure.DocumentVault;
import fr.agir.structure.StructureDocument;
import fr.agir.structure.StructureService;
import fr.agir.workflow.FormSchema;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The content of the financial report (Cerfa 15059*02): the portal's form ({@code forms/financial-report.form})
 * prefilled with the application's forecast for the year, its draft autosaved, its submission checked again
 * here ({@link FormSchema} and {@link ReportRules}), stored as lines and annex, with the vault's pieces linked
 * and its PDF/A kept. The workflow side (task, audit, totals) stays {@link ReportingService#submit}'s.
 */
@Service
public class ReportContentService {
    static final String FORM_ID = "financial-report";
    static final FormSchema SCHEMA = FormSchema.load(FORM_ID);
    /** The pieces a report relies on, taken from the structure's vault. */
    public static final List<DocumentType> PIECES = List.of(DocumentType.RAPPORT_ACTIVITE,
            DocumentType.COMPTES_APPROUVES);

    private final ReportingService reporting;
    private final ReportAccountLineRepository lines;
    private final ReportDocumentRepository links;
    private final ReportHistory history;
    private final ApplicationService applications;
    private final StructureService structures;
    private final DocumentVault vault;
    private final ReportPdf pdf;
    private final ObjectMapper json;
    private final Clock clock;
    private final BigDecimal threshold;

    ReportContentService(ReportingService reporting, ReportAccountLineRepository lines, ReportDocumentRepository links,
                         ReportHistory history, ApplicationService applications, StructureService structures,
                         DocumentVault vault, ReportPdf pdf, ObjectMapper json, Clock clock,
                         @Value("${agir.reporting.gap-threshold:0.15}") BigDecimal threshold) {
        this.reporting = reporting;
        this.lines = lines;
        this.links = links;
        this.history = history;
        this.applications = applications;
        this.structures = structures;
        this.vault = vault;
        this.pdf = pdf;
        this.json = json;
        this.clock = clock;
        this.threshold = threshold;
    }

    public BigDecimal threshold() {
        return threshold;
    }

    /** What the portal's form script reads: the data (draft or submitted), when saved, whether it may change. */
    public record FormView(JsonNode data, Instant updatedAt, boolean editable) {
    }

    /** The schema as form-js renders it, with the configured threshold in the explanations' conditions. */
    public JsonNode schema() {
        String text = SCHEMA.json().toString().replace("> 0.15 * abs(", "> " + threshold.toPlainString() + " * abs(")
                .replace("écart de plus de 15 %", "écart de plus de " + ReportRules.percent(threshold));
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report's form data, for the structure's members (and staff); 404 for anyone else. */
    @Transactional(readOnly = true)
    public FormView form(Long reportId) {
        Report report = readable(reportId);
        Application application = applications.get(report.getApplicationId());
        return new FormView(data(report, application), report.getDraftUpdatedAt(),
                report.isEditable() && structures.isMember(application.getStructureId()));
    }

    /** Autosave: checked as a draft (types, lengths, known fields), the server's own values left out. */
    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public Instant saveDraft(Long reportId, JsonNode data) {
        Report report = ownEditable(reportId);
        Map<String, String> errors = SCHEMA.validate(data, FormSchema.Mode.DRAFT);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Le brouillon n'est pas enregistré : corrigez les champs signalés.", errors);
        }
        Instant now = Instant.now(clock);
        report.saveDraft(write(strip(data)), now);
        return now;
    }

    /** The errors the draft would meet at submission (the summary page lists them before the structure sends). */
    @Transactional(readOnly = true)
    public Map<String, String> draftErrors(Long reportId) {
        Report report = readable(reportId);
        Application application = applications.get(report.getApplicationId());
        return errors(data(report, application), parse(data(report, application), forecasts(report)));
    }

    /**
     * Sends the report: everything checked again (the form's required fields, the gaps explained above the
     * threshold, charges = produits, no negative amount); refused as a whole with the errors by field, nothing
     * stored. Then the totals go through {@link ReportingService#submit}, the lines and annex are kept, the
     * vault's current activity report and approved accounts linked, the PDF/A produced.
     */
    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public Report submit(Long reportId, JsonNode data) {
        Report report = ownEditable(reportId);
        Application application = applications.get(report.getApplicationId());
        Map<BudgetLineCode, BigDecimal> forecasts = forecasts(report);
        List<ReportRules.Line> parsed = parse(data, forecasts);
        Map<String, String> errors = errors(data, parsed);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Le compte-rendu n'est pas remis : corrigez les champs signalés.", errors);
        }
        ReportSheet.Content content = content(data);
        reporting.submit(reportId, new ReportingService.Submission(
                ReportRules.total(parsed, BudgetLineCode.Side.CHARGE, true),
                ReportRules.total(parsed, BudgetLineCode.Side.PRODUCT, true),
                ReportRules.spentGrant(parsed, content.unspent()), content.actions()));
        Instant now = Instant.now(clock);
        report.content(content.actions(), content.publicReached(), content.datesPlaces(), content.indicators(),
                content.grantUse(), content.unspent());
        report.saveDraft(write(strip(data)), now);
        lines.deleteByReport(reportId);
        parsed.forEach(l -> lines.save(new ReportAccountLine(reportId, l.code().code(), l.forecast(), l.actual(),
                blankToNull(l.explanation()))));
        // A type the structure picked on the report page keeps its piece; any other takes the vault's current one.
        List<Long> linked = links.findByReportIdOrderById(reportId).stream().map(ReportDocument::getDocumentId).toList();
        List<DocumentType> chosen = linked.isEmpty() ? List.of() : vault.linkedTo(application.getStructureId(), linked)
                .stream().map(StructureDocument::getType).toList();
        Map<DocumentType, StructureDocument> valid = vault.currentValidDocuments(application.getStructureId());
        PIECES.stream().filter(t -> !chosen.contains(t)).map(valid::get).filter(d -> d != null && !linked.contains(d.getId()))
                .forEach(d -> links.save(new ReportDocument(reportId, d.getId(), now)));
        history.record(reportId, ReportEvent.Kind.SUBMITTED, null, null);
        report.pdf(pdf.render(sheet(report, application)));
        return report;
    }

    /** The report as people read it: the submitted lines, or the draft while it is being written. */
    @Transactional(readOnly = true)
    public ReportSheet sheet(Long reportId) {
        Report report = readable(reportId);
        return sheet(report, applications.get(report.getApplicationId()));
    }

    /** The PDF/A produced at the last submission; 404 before any, or for anyone who may not see the report. */
    @Transactional(readOnly = true)
    public byte[] pdf(Long reportId) {
        Report report = readable(reportId);
        if (report.getReportPdf() == null) {
            throw new NotFoundException("Ce compte-rendu n'a pas encore été remis : il n'a pas de PDF.");
        }
        return report.getReportPdf();
    }

    ReportSheet sheet(Report report, Application application) {
        Map<BudgetLineCode, BigDecimal> forecasts = forecasts(report);
        List<ReportAccountLine> stored = lines.findByReportIdOrderById(report.getId());
        List<ReportRules.Line> parsed;
        ReportSheet.Content content;
        if (!stored.isEmpty() && !report.isEditable()) {
            parsed = new ArrayList<>();
            for (BudgetLineCode code : BudgetLineCode.values()) {
                stored.stream().filter(l -> l.getCode().equals(code.code())).findFirst().ifPresent(l ->
                        parsed.add(new ReportRules.Line(code, l.getForecast(), l.getActual(), l.getExplanation())));
            }
            content = new ReportSheet.Content(report.getActionsDone(), report.getPublicReached(), report.getDatesPlaces(),
                    report.getIndicators(), report.getGrantUse(), report.getUnspentAmount());
        } else {
            ObjectNode data = data(report, application);
            parsed = parse(data, forecasts);
            content = content(data);
        }
        List<ReportSheet.Row> rows = parsed.stream().map(l -> new ReportSheet.Row(l, l.exceeds(threshold))).toList();
        List<Long> ids = links.findByReportIdOrderById(report.getId()).stream().map(ReportDocument::getDocumentId)
                .toList();
        return new ReportSheet(report, application, rows, threshold, content,
                ids.isEmpty() ? List.of() : vault.linkedTo(application.getStructureId(), ids),
                history.of(report.getId()));
    }

    private static ReportSheet.Content content(JsonNode data) {
        BigDecimal reached = FormSchema.number(data.path("publicReached"));
        return new ReportSheet.Content(text(data, "actions"), reached == null ? null : reached.intValue(),
                text(data, "datesPlaces"), text(data, "indicators"), text(data, "grantUse"),
                FormSchema.number(data.path("unspent")));
    }

    private Map<String, String> errors(JsonNode data, List<ReportRules.Line> parsed) {
        Map<String, String> errors = new LinkedHashMap<>(SCHEMA.validate(data, FormSchema.Mode.SUBMISSION));
        ReportSheet.Content content = content(data);
        ReportRules.check(parsed, threshold, content.unspent(), content.grantUse()).forEach(errors::putIfAbsent);
        return errors;
    }

    /** The application's budget for the report's year, line by line (0 where nothing was forecast). */
    private Map<BudgetLineCode, BigDecimal> forecasts(Report report) {
        YearBudget budget = applications.budgets(report.getApplicationId()).stream()
                .filter(b -> b.year() == report.getGrantYear()).findFirst().orElse(null);
        Map<BudgetLineCode, BigDecimal> out = new LinkedHashMap<>();
        for (BudgetLineCode code : BudgetLineCode.values()) {
            out.put(code, budget == null ? BigDecimal.ZERO : budget.line(code));
        }
        return out;
    }

    /** Every line of the table, the forecast always the application's whatever the client sent. */
    private static List<ReportRules.Line> parse(JsonNode data, Map<BudgetLineCode, BigDecimal> forecasts) {
        List<ReportRules.Line> out = new ArrayList<>();
        forecasts.forEach((code, forecast) -> {
            JsonNode group = data.path(ReportRules.formKey(code));
            BigDecimal actual = FormSchema.number(group.path("actual"));
            String explanation = group.path("explanation").isTextual() ? group.path("explanation").asText() : null;
            out.add(new ReportRules.Line(code, forecast, actual, explanation));
        });
        return out;
    }

    /** The draft (or the submitted data) with the server's values: what the application announced, the forecast. */
    private ObjectNode data(Report report, Application application) {
        ObjectNode data;
        try {
            data = report.getDraftData() == null ? json.createObjectNode()
                    : (ObjectNode) json.readTree(report.getDraftData());
        } catch (JsonProcessingException e) {
            data = json.createObjectNode();
        }
        data.put("announced", application.getDescription());
        for (Map.Entry<BudgetLineCode, BigDecimal> e : forecasts(report).entrySet()) {
            String key = ReportRules.formKey(e.getKey());
            ObjectNode group = data.get(key) instanceof ObjectNode o ? o : data.putObject(key);
            group.put("forecast", e.getValue());
        }
        return data;
    }

    private static ObjectNode strip(JsonNode data) {
        ObjectNode copy = data.deepCopy();
        copy.remove("announced");
        for (BudgetLineCode code : BudgetLineCode.values()) {
            if (copy.get(ReportRules.formKey(code)) instanceof ObjectNode group) {
                group.remove("forecast");
            }
        }
        return copy;
    }

    private String write(JsonNode data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Report readable(Long reportId) {
        Report report = reporting.get(reportId);
        applications.visible(report.getApplicationId());
        return report;
    }

    private Report ownEditable(Long reportId) {
        Report report = reporting.get(reportId);
        structures.checkMember(applications.get(report.getApplicationId()).getStructureId());
        if (!report.isEditable()) {
            throw new StateConflictException("Ce compte-rendu a déjà été remis : il ne peut plus être modifié, sauf "
                    + "s'il vous est renvoyé pour correction.");
        }
        return report;
    }

    private static String text(JsonNode data, String key) {
        JsonNode v = data.path(key);
        return v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
