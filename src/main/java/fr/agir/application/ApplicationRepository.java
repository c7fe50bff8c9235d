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

    Page<Application> findByStructureIdIn(Collection<Long> structureIds, Pageable page);

    Page<Application> findByIdIn(Collection<Long> ids, Pageable page);

    List<Application> findByReferenceIn(Collection<String> references);

    List<Application> findByStructureIdOrderByIdDesc(Long structureId);

    List<Application> findByCampaignIdAndStatusOrderById(Long campaignId, ApplicationStatus status);
}
