package fr.agir.application;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ApplicationRepository extends JpaRepository<Application, Long>, JpaSpecificationExecutor<Application> {
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Application a where a.id = ?1")
    Optional<Application> findForUpdate(Long id);

    @Query("select a from Application a where a.structureId in ?1")
    Page<Application> findByStructureIdIn(Collection<Long> structureIds, Pageable page);

    @Query("select a from Application a where a.id in ?1")
    Page<Application> findByIdIn(Collection<Long> ids, Pageable page);

    @Query("select a from Application a where a.reference in ?1")
    List<Application> findByReferenceIn(Collection<String> references);

    @Query("select a from Application a where a.structureId = ?1 order by a.id desc")
    List<Application> findByStructureIdOrderByIdDesc(Long structureId);

    @Query("select a from Application a where a.campaignId = ?1 and a.status = ?2 order by a.id asc")
    List<Application> findByCampaignIdAndStatusOrderById(Long campaignId, ApplicationStatus status);
}
