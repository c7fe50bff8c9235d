package fr.agir.webhook;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WebhookEndpointRepository extends JpaRepository<WebhookEndpoint, Long> {
    @Query("select w from WebhookEndpoint w where w.enabled = true")
    List<WebhookEndpoint> findByEnabledTrue();

    @Query("select w from WebhookEndpoint w order by w.id asc")
    List<WebhookEndpoint> findAllByOrderByIdAsc();
}
