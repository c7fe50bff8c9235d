package fr.agir.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {
    @Query("select a from AuditEvent a where a.applicationId = ?1 order by a.id asc")
    List<AuditEvent> findByApplicationIdOrderByIdAsc(Long applicationId);
}
