package fr.agir.application;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApplicationDocumentRepository extends JpaRepository<ApplicationDocument, Long> {
    @Query("select a from ApplicationDocument a where a.applicationId = ?1 order by a.id asc")
    List<ApplicationDocument> findByApplicationIdOrderByIdAsc(Long applicationId);

    @Query("select case when count(a) > 0 then true else false end from ApplicationDocument a where a.applicationId = ?1 and a.documentId = ?2")
    boolean existsByApplicationIdAndDocumentId(Long applicationId, Long documentId);
}
