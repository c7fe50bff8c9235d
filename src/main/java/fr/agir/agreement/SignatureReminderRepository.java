package fr.agir.agreement;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SignatureReminderRepository extends JpaRepository<SignatureReminder, Long> {
}
