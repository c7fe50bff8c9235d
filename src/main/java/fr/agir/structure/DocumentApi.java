package fr.agir.structure;

import fr.agir.web.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Pièces du dossier unique", description = "Coffre-fort de documents d'une structure : dépôt, versions, validité")
public class DocumentApi {
    private final DocumentVault vault;

    public DocumentApi(DocumentVault vault) {
        this.vault = vault;
    }

    public record DocumentTypeView(String code, String label, boolean requiredForApplication, String defaultValidity) {
        static DocumentTypeView of(DocumentType t) {
            return new DocumentTypeView(t.name(), t.label(), t.requiredForApplication(),
                    t.defaultValidity().map(Object::toString).orElse(null));
        }
    }

    public record DocumentView(Long id, DocumentType type, String typeLabel, int version, String originalName,
                               String contentType, long sizeBytes, String sha256, LocalDate validUntil,
                               ExpiryStatus expiryStatus, String uploadedBy, Instant uploadedAt,
                               Boolean alreadyStored) {
        static DocumentView of(DocumentVault.Entry e) {
            return of(e.document(), e.status(), null);
        }

        static DocumentView of(StructureDocument d, ExpiryStatus status, Boolean alreadyStored) {
            return new DocumentView(d.getId(), d.getType(), d.getType().label(), d.getVersionNumber(),
                    d.getOriginalName(), d.getContentType(), d.getSizeBytes(), d.getSha256(), d.getValidUntil(),
                    status, d.getUploadedBy(), d.getUploadedAt(), alreadyStored);
        }
    }

    public record DocumentsView(List<DocumentView> current, List<DocumentView> history,
                                List<DocumentType> missingRequiredTypes) {
    }

    @GetMapping("/api/document-types")
    @Operation(summary = "Les types de pièces du dossier unique, leur validité par défaut et celles exigées pour candidater")
    public List<DocumentTypeView> types() {
        return Arrays.stream(DocumentType.values()).map(DocumentTypeView::of).toList();
    }

    @PostMapping(value = "/api/structures/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Déposer une pièce (membres de la structure) : 201 pour une nouvelle version, "
            + "200 si ce fichier était déjà enregistré pour ce type")
    public ResponseEntity<DocumentView> upload(@PathVariable Long id,
                                               @RequestParam(value = "type", required = false) String type,
                                               @RequestParam(value = "file", required = false) MultipartFile file,
                                               @RequestParam(value = "validUntil", required = false) String validUntil) {
        DocumentVault.Upload upload = vault.upload(id, type, file, validUntil);
        StructureDocument d = upload.document();
        DocumentView view = DocumentView.of(d, vault.status(d), !upload.created());
        if (!upload.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(URI.create("/api/structures/" + id + "/documents/" + d.getId() + "/content"))
                .body(view);
    }

    @GetMapping("/api/structures/{id}/documents")
    @Operation(summary = "Les pièces d'une structure : version en cours par type, historique, validité, pièces exigées manquantes")
    public DocumentsView list(@PathVariable Long id) {
        DocumentVault.Listing listing = vault.list(id);
        return new DocumentsView(listing.current().stream().map(DocumentView::of).toList(),
                listing.history().stream().map(DocumentView::of).toList(), listing.missingRequiredTypes());
    }

    @GetMapping("/api/structures/{id}/documents/{documentId}/content")
    @Operation(summary = "Télécharger une version d'une pièce (membres de la structure, DIEESS)")
    public ResponseEntity<InputStreamResource> content(@PathVariable Long id, @PathVariable Long documentId) {
        DocumentVault.Content content = vault.download(id, documentId);
        StructureDocument d = content.document();
        return Downloads.attachment(d.getOriginalName(), d.getContentType(), d.getSizeBytes(), content.stream());
    }

}
