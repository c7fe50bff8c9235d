package fr.agir.payment.order;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BordereauRepository extends JpaRepository<Bordereau, Long> {
    List<Bordereau> findTop200ByOrderByIdDesc();
}
