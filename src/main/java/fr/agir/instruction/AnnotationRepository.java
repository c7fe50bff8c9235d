package fr.agir.instruction;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AnnotationRepository extends JpaRepository<Annotation, Long> {
    List<Annotation> findByApplicationIdOrderByCreatedAtDescIdDesc(Long applicationId);
}
