package fr.agir.application;

import fr.agir.campaign.Thematic;
import fr.agir.structure.Ept;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every application, for DIEESS staff: found by reference, structure name or SIRET, filtered by
 * campaign, status, thematic and EPT, newest first. A SIRET (14 digits) and a reference prefix
 * ("AGIR-2026-…") go through their unique indexes; campaign and status through
 * {@code ix_application_campaign_status}; the page is read along the primary key, newest first.
 */
@Service
public class ApplicationSearch {
    private static final String REFERENCE_PREFIX = "AGIR-";

    private final ApplicationRepository applications;
    private final ApplicationService service;
    private final StructureService structures;

    public ApplicationSearch(ApplicationRepository applications, ApplicationService service,
                             StructureService structures) {
        this.applications = applications;
        this.service = service;
        this.structures = structures;
    }

    /** What is asked; null or blank fields do not filter. */
    public record Criteria(String text, Long campaignId, ApplicationStatus status, Thematic thematic, Ept ept) {
    }

    /** One application of the list, with its structure and the total requested. */
    public record Row(Application application, String structureName, String siret, Ept ept, BigDecimal requested) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Page<Row> search(Criteria criteria, int page, int size) {
        Page<Application> found = applications.findAll(matching(criteria),
                PageRequest.of(Math.max(page, 0), size, Sort.by("id").descending()));
        Set<Long> structureIds = found.stream().map(Application::getStructureId).collect(Collectors.toSet());
        Map<Long, Structure> byId = structures.byIds(structureIds);
        Map<Long, BigDecimal> requested = service.totals(found.stream().map(Application::getId).toList(),
                AmountKind.REQUESTED);
        return found.map(a -> {
            Structure s = byId.get(a.getStructureId());
            return new Row(a, s == null ? null : s.getName(), s == null ? null : s.getSiret(),
                    s == null ? null : s.getEpt(), requested.get(a.getId()));
        });
    }

    static Specification<Application> matching(Criteria c) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (c.campaignId() != null) {
                where.add(cb.equal(root.get("campaignId"), c.campaignId()));
            }
            if (c.status() != null) {
                where.add(cb.equal(root.get("status"), c.status()));
            }
            if (c.thematic() != null) {
                where.add(cb.equal(root.get("thematic"), c.thematic()));
            }
            if (c.ept() != null) {
                Subquery<Long> inEpt = query.subquery(Long.class);
                var s = inEpt.from(Structure.class);
                inEpt.select(s.get("id")).where(cb.equal(s.get("ept"), c.ept()));
                where.add(root.get("structureId").in(inEpt));
            }
            String text = c.text() == null ? "" : c.text().strip();
            if (!text.isEmpty()) {
                String digits = text.replaceAll("[\\s\\u00a0\\u202f.]", "");
                if (digits.matches("\\d{14}")) {
                    Subquery<Long> bySiret = query.subquery(Long.class);
                    var s = bySiret.from(Structure.class);
                    bySiret.select(s.get("id")).where(cb.equal(s.get("siret"), digits));
                    where.add(root.get("structureId").in(bySiret));
                } else if (text.toUpperCase(Locale.ROOT).startsWith(REFERENCE_PREFIX)) {
                    where.add(cb.like(root.get("reference"), escape(text.toUpperCase(Locale.ROOT)) + "%", '\\'));
                } else {
                    String contains = "%" + escape(text.toLowerCase(Locale.ROOT)) + "%";
                    Subquery<Long> byName = query.subquery(Long.class);
                    var s = byName.from(Structure.class);
                    byName.select(s.get("id")).where(cb.like(cb.lower(s.get("name")), contains, '\\'));
                    where.add(cb.or(cb.like(cb.lower(root.get("reference")), contains, '\\'),
                            root.get("structureId").in(byName)));
                }
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** The text typed, its LIKE wildcards taken literally. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
