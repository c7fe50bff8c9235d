package fr.agir.instruction;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DirectorateProfileRepository extends JpaRepository<DirectorateProfile, String> {
    List<DirectorateProfile> findAllByOrderByCode();
}
