package fr.agir.agreement.signature;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AgreementPdfRepository extends JpaRepository<AgreementPdf, Long> {
}
