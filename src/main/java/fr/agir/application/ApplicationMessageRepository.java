package fr.agir.application;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApplicationMessageRepository extends JpaRepository<ApplicationMessage, Long> {
    @Query("select a from ApplicationMessage a where a.applicationId = ?1 order by a.sentAt asc, a.id asc")
    List<ApplicationMessage> findByApplicationIdOrderBySentAtAscIdAsc(Long applicationId);

    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
    @Query("delete from ApplicationMessage m where m.applicationId = ?1")
    void deleteByApplicationId(Long applicationId);
}
