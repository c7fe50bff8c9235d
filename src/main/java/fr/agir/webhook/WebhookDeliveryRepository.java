package fr.agir.webhook;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long> {

    /** Due deliveries of enabled endpoints, oldest first. */
    @Query("select d.id from WebhookDelivery d, WebhookEndpoint e where e.id = d.endpointId and e.enabled = true "
            + "and d.status = fr.agir.webhook.WebhookDelivery.Status.PENDING and d.nextAttemptAt <= :asOf "
            + "order by d.nextAttemptAt, d.id")
    List<Long> findDue(@Param("asOf") Instant asOf, Pageable page);

    /**
     * Takes a due delivery for one attempt by pushing its next attempt to {@code leaseEnd}: of two
     * workers (the after-commit one, the scheduled pass, another node) only one gets 1, as the mail
     * outbox does. A worker that dies mid-attempt leaves it due again once the lease has passed.
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update WebhookDelivery d set d.nextAttemptAt = :leaseEnd where d.id = :id "
            + "and d.status = fr.agir.webhook.WebhookDelivery.Status.PENDING and d.nextAttemptAt <= :asOf")
    int claim(@Param("id") Long id, @Param("asOf") Instant asOf, @Param("leaseEnd") Instant leaseEnd);

    @Query("select w from WebhookDelivery w where w.endpointId = ?1 and w.status = ?2")
    List<WebhookDelivery> findByEndpointIdAndStatus(Long endpointId, WebhookDelivery.Status status);

    @Query("select w from WebhookDelivery w order by w.id desc")
    Page<WebhookDelivery> findAllByOrderByIdDesc(Pageable page);

    @Query("select w from WebhookDelivery w where w.endpointId = ?1 order by w.id desc")
    Page<WebhookDelivery> findByEndpointIdOrderByIdDesc(Long endpointId, Pageable page);
}
