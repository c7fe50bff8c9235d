package fr.agir.vote;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ElectedMemberRepository extends JpaRepository<ElectedMember, Long> {
    List<ElectedMember> findAllByOrderByFullName();
}
