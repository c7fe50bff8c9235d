package fr.agir.instruction;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AnnotationRepository extends JpaRepository<Annotation, Long> {
    @Query("select a from Annotation a where a.applicationId = ?1 order by a.createdAt desc, a.id desc")
    List<Annotation> findByApplicationIdOrderByCreatedAtDescIdDesc(Long applicationId);
}
