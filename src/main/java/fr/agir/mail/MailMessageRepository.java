package fr.agir.mail;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MailMessageRepository extends JpaRepository<MailMessage, Long> {

    @Query("select m.id from MailMessage m where m.status = fr.agir.mail.MailStatus.PENDING "
            + "and m.nextAttemptAt <= :asOf order by m.nextAttemptAt, m.id")
    List<Long> findDue(@Param("asOf") Instant asOf, Pageable page);

    /**
     * Takes a due message for one sending attempt by pushing its next attempt to {@code leaseEnd}:
     * of two senders (the after-commit one, the retry, another node) only one gets 1. If the
     * sender dies while sending, the message is simply due again once the lease has passed.
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update MailMessage m set m.nextAttemptAt = :leaseEnd where m.id = :id "
            + "and m.status = fr.agir.mail.MailStatus.PENDING and m.nextAttemptAt <= :asOf")
    int claim(@Param("id") Long id, @Param("asOf") Instant asOf, @Param("leaseEnd") Instant leaseEnd);
}
