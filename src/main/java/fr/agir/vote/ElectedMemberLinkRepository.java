package fr.agir.vote;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ElectedMemberLinkRepository extends JpaRepository<ElectedMemberLink, Long> {
    List<ElectedMemberLink> findByStructureIdIn(Collection<Long> structureIds);

    List<ElectedMemberLink> findByMemberId(Long memberId);

    boolean existsByMemberIdAndStructureIdAndKind(Long memberId, Long structureId, ElectedMemberLink.Kind kind);
}
