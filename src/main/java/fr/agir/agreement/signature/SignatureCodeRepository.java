package fr.agir.agreement.signature;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SignatureCodeRepository extends JpaRepository<SignatureCode, Long> {
    /** The latest code sent to this person for this document, locked until the end of the transaction. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from SignatureCode c where c.documentKey = :key and c.login = :login and c.id = "
            + "(select max(d.id) from SignatureCode d where d.documentKey = :key and d.login = :login)")
    Optional<SignatureCode> findLatestForUpdate(@Param("key") String documentKey, @Param("login") String login);

    @Query("select s from SignatureCode s where s.documentKey = ?1 and s.login = ?2 and s.usedAt is null")
    List<SignatureCode> findByDocumentKeyAndLoginAndUsedAtIsNull(String documentKey, String login);

    /** Spends the code if nobody spent it meanwhile: 1 when this call did (the row stays locked until commit). It leaves the persistence context alone: the signature goes on with the entities it loaded. */
    @Modifying
    @Query("update SignatureCode c set c.usedAt = :at where c.id = :id and c.usedAt is null")
    int spend(@Param("id") Long id, @Param("at") Instant at);
}
