package fr.agir.instruction;

import fr.agir.security.Directorate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OpinionRepository extends JpaRepository<Opinion, Long> {
    List<Opinion> findByApplicationIdOrderByDirectorate(Long applicationId);

    Optional<Opinion> findByApplicationIdAndDirectorate(Long applicationId, Directorate directorate);

    List<Opinion> findByDirectorateInAndStatusIn(Collection<Directorate> directorates, Collection<Opinion.Status> statuses);

    boolean existsByApplicationIdAndDirectorateIn(Long applicationId, Collection<Directorate> directorates);

    @Query("select distinct o.applicationId from Opinion o where o.directorate in ?1")
    List<Long> findApplicationIdsByDirectorateIn(Collection<Directorate> directorates);
}
