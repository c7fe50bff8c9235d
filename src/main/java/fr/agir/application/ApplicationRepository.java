package fr.agir.application;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ApplicationRepository extends JpaRepository<Application, Long> {
    Optional<Application> findByReference(String reference);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Application a where a.id = ?1")
    Optional<Application> findForUpdate(Long id);

    List<Application> findByStructureIdInOrderByIdDesc(Collection<Long> structureIds);

    List<Application> findByStatusInOrderByIdDesc(Collection<ApplicationStatus> statuses);

    List<Application> findByIdInOrderByIdDesc(Collection<Long> ids);

    List<Application> findTop500ByOrderByIdDesc();
}
