package fr.agir.payment.recovery;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The portal's link to a recovery order's letter (the application page lists them): its structure only. */
@Controller
public class PortalRecoveryController {
    private final RecoveryOrderService service;

    public PortalRecoveryController(RecoveryOrderService service) {
        this.service = service;
    }

    @GetMapping("/portail/candidatures/{id}/titres/{letterId}/courrier")
    public ResponseEntity<byte[]> letter(@PathVariable Long id, @PathVariable("letterId") Long orderId) {
        RecoveryOrder o = service.letterOf(id, orderId);
        return RecoveryApi.pdf(o, o.getLetterPdf());
    }
}
