package fr.agir.application;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicationDocumentRepository extends JpaRepository<ApplicationDocument, Long> {
    List<ApplicationDocument> findByApplicationIdOrderByIdAsc(Long applicationId);

    boolean existsByApplicationIdAndDocumentId(Long applicationId, Long documentId);
}
