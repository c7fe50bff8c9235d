package fr.agir.reporting;

import fr.agir.application.ApplicationService;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.StateConflictException;
import fr.agir.structure.DocumentType;
import fr.agir.structure.DocumentVault;
import fr.agir.structure.StructureDocument;
import fr.agir.structure.StructureService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The pieces a report relies on (the year's activity report and approved accounts), from the report page itself:
 * a new file goes into the structure's vault (the vault's checks: size, type read by Apache Tika, antivirus; then
 * reused by every application and report of the structure) and is linked to the report; a piece already in the
 * vault is picked instead. One piece per type: a new choice replaces the previous one while the report may change.
 * At submission, a type nobody chose takes the vault's current piece ({@link ReportContentService#submit}).
 */
@Service
public class ReportPieces {
    private final ReportingService reporting;
    private final ReportDocumentRepository links;
    private final ApplicationService applications;
    private final StructureService structures;
    private final DocumentVault vault;
    private final Clock clock;

    ReportPieces(ReportingService reporting, ReportDocumentRepository links, ApplicationService applications,
                 StructureService structures, DocumentVault vault, Clock clock) {
        this.reporting = reporting;
        this.links = links;
        this.applications = applications;
        this.structures = structures;
        this.vault = vault;
        this.clock = clock;
    }

    /**
     * One type of piece on the report page: the piece chosen for the report (null: none yet), the vault's current
     * one (linked at submission if none is chosen), and the vault's usable versions to pick from, newest first.
     */
    public record Piece(DocumentType type, StructureDocument chosen, StructureDocument current,
                        List<StructureDocument> choices) {
        /** What the report will carry: the chosen piece, else the vault's current one. */
        public StructureDocument attached() {
            return chosen != null ? chosen : current;
        }
    }

    @Transactional(readOnly = true)
    public List<Piece> of(Long reportId) {
        Report report = reporting.get(reportId);
        Long structureId = applications.visible(report.getApplicationId()).getStructureId();
        DocumentVault.Listing listing = vault.list(structureId);
        List<StructureDocument> chosen = chosen(report, structureId);
        List<Piece> out = new ArrayList<>();
        for (DocumentType type : ReportContentService.PIECES) {
            List<StructureDocument> choices = listing.history().stream()
                    .filter(e -> e.document().getType() == type && e.status().usable())
                    .map(DocumentVault.Entry::document).toList();
            StructureDocument current = listing.current().stream()
                    .filter(e -> e.document().getType() == type && e.status().usable())
                    .map(DocumentVault.Entry::document).findFirst().orElse(null);
            out.add(new Piece(type, chosen.stream().filter(d -> d.getType() == type).findFirst().orElse(null),
                    current, choices));
        }
        return out;
    }

    /** A new file for the report: into the vault (refused there as anywhere else, nothing stored), then linked. */
    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public StructureDocument upload(Long reportId, String typeCode, MultipartFile file) {
        Report report = ownEditable(reportId);
        Long structureId = applications.get(report.getApplicationId()).getStructureId();
        DocumentType type = pieceType(typeCode);
        StructureDocument document = vault.upload(structureId, type, file, null).document();
        link(report, structureId, document);
        return document;
    }

    /** A piece already in the structure's vault, picked for the report: of the structure, of a report's type, valid. */
    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public StructureDocument choose(Long reportId, Long documentId) {
        Report report = ownEditable(reportId);
        Long structureId = applications.get(report.getApplicationId()).getStructureId();
        StructureDocument document = documentId == null ? null
                : vault.linkedTo(structureId, List.of(documentId)).stream().findFirst().orElse(null);
        if (document == null) {
            throw new NotFoundException("Cette pièce n'est pas dans le dossier de votre structure.");
        }
        if (!ReportContentService.PIECES.contains(document.getType())) {
            throw new InvalidInputException("Pièce refusée.", Map.of("documentId", "Choisissez un rapport d'activité "
                    + "ou des comptes approuvés"));
        }
        if (!vault.status(document).usable()) {
            throw new InvalidInputException("Pièce refusée.", Map.of("documentId", "Cette pièce a expiré : déposez-en "
                    + "une à jour"));
        }
        link(report, structureId, document);
        return document;
    }

    private void link(Report report, Long structureId, StructureDocument document) {
        List<Long> sameType = chosen(report, structureId).stream().filter(d -> d.getType() == document.getType())
                .map(StructureDocument::getId).toList();
        if (sameType.contains(document.getId())) {
            return;
        }
        if (!sameType.isEmpty()) {
            links.deleteByReportIdAndDocumentIdIn(report.getId(), sameType);
            links.flush();
        }
        links.save(new ReportDocument(report.getId(), document.getId(), Instant.now(clock)));
    }

    private List<StructureDocument> chosen(Report report, Long structureId) {
        List<Long> ids = links.findByReportIdOrderById(report.getId()).stream().map(ReportDocument::getDocumentId)
                .toList();
        return ids.isEmpty() ? List.of() : vault.linkedTo(structureId, ids);
    }

    private static DocumentType pieceType(String code) {
        DocumentType type = DocumentVault.parseType(code);
        if (!ReportContentService.PIECES.contains(type)) {
            throw new InvalidInputException("Pièce refusée.", Map.of("type", "Un compte-rendu joint le rapport "
                    + "d'activité et les comptes approuvés"));
        }
        return type;
    }

    private Report ownEditable(Long reportId) {
        Report report = reporting.get(reportId);
        structures.checkMember(applications.get(report.getApplicationId()).getStructureId());
        if (!report.isEditable()) {
            throw new StateConflictException("Ce compte-rendu a déjà été remis : ses pièces ne changent plus, sauf "
                    + "s'il vous est renvoyé pour correction.");
        }
        return report;
    }
}
