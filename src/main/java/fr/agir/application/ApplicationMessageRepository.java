package fr.agir.application;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicationMessageRepository extends JpaRepository<ApplicationMessage, Long> {
    List<ApplicationMessage> findByApplicationIdOrderBySentAtAscIdAsc(Long applicationId);

    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
    @org.springframework.data.jpa.repository.Query("delete from ApplicationMessage m where m.applicationId = ?1")
    void deleteByApplicationId(Long applicationId);
}
