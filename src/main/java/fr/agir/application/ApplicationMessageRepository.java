package fr.agir.application;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicationMessageRepository extends JpaRepository<ApplicationMessage, Long> {
    List<ApplicationMessage> findByApplicationIdOrderBySentAtAscIdAsc(Long applicationId);
}
