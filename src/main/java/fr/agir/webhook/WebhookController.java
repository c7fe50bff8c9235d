package fr.agir.webhook;

import fr.agir.shared.DomainException;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's webhook pages: the endpoints (register, enable, disable, rotate the secret; a
 * new secret shown once, on the page that follows the action, then only its hint) and the deliveries
 * (status, attempts, last answer, next try; replay).
 */
@Controller
public class WebhookController {
    static final String PAGE = "admin/webhooks";
    static final String DELIVERIES = "admin/webhook-deliveries";
    private final WebhookAdmin admin;

    public WebhookController(WebhookAdmin admin) {
        this.admin = admin;
    }

    /** The registration form. */
    public static class Form {
        private String url;
        private String description;
        private List<String> events = new ArrayList<>();

        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public List<String> getEvents() { return events; }
        public void setEvents(List<String> events) { this.events = events; }
    }

    @GetMapping("/administration/webhooks")
    public String page(Model model) {
        fill(model);
        return PAGE;
    }

    @PostMapping("/administration/webhooks")
    public String register(@ModelAttribute("form") Form form, BindingResult result, Model model,
                           HttpServletResponse response, RedirectAttributes redirect) {
        try {
            WebhookAdmin.Registered registered = admin.register(form.getUrl(), form.getDescription(), form.getEvents());
            redirect.addFlashAttribute("newSecret", registered.secret());
            redirect.addFlashAttribute("newSecretUrl", registered.endpoint().getUrl());
            Notice.success("Point de réception enregistré.", "Copiez son secret ci-dessous maintenant : il ne sera plus "
                    + "affiché.").flash(redirect);
            return "redirect:/administration/webhooks";
        } catch (DomainException e) {
            if (e.httpStatus() == 404 || e.httpStatus() == 403) {
                throw e;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            FormErrors.add(result, e);
            fill(model);
            return PAGE;
        }
    }

    @PostMapping("/administration/webhooks/{endpointId}/secret")
    public String rotate(@PathVariable Long endpointId, RedirectAttributes redirect) {
        WebhookAdmin.Registered rotated = admin.rotate(endpointId);
        redirect.addFlashAttribute("newSecret", rotated.secret());
        redirect.addFlashAttribute("newSecretUrl", rotated.endpoint().getUrl());
        Notice.success("Secret renouvelé.", "Copiez le nouveau secret ci-dessous maintenant : il ne sera plus affiché. "
                + "L'ancien signe encore les envois pendant 24 heures, le temps de mettre à jour le destinataire.")
                .flash(redirect);
        return "redirect:/administration/webhooks";
    }

    @PostMapping("/administration/webhooks/{endpointId}/activation")
    public String activation(@PathVariable Long endpointId, @RequestParam boolean enabled,
                             RedirectAttributes redirect) {
        try {
            WebhookEndpoint endpoint = enabled ? admin.enable(endpointId) : admin.disable(endpointId);
            Notice.success(enabled ? "Point de réception réactivé." : "Point de réception désactivé.",
                    enabled ? "Les événements en attente lui sont envoyés." : "Les nouveaux événements ne lui sont "
                            + "plus envoyés.").flash(redirect);
        } catch (DomainException e) {
            if (e.httpStatus() == 404 || e.httpStatus() == 403) {
                throw e;
            }
            Notice.error("Réactivation impossible.", e.getMessage()).flash(redirect);
        }
        return "redirect:/administration/webhooks";
    }

    @GetMapping("/administration/webhooks/livraisons")
    public String deliveries(@RequestParam(required = false) Long point, @RequestParam(defaultValue = "0") int page,
                             Model model) {
        List<WebhookEndpoint> endpoints = admin.endpoints();
        if (point != null) {
            admin.endpoint(point);
        }
        model.addAttribute("endpointsById", endpoints.stream()
                .collect(Collectors.toMap(WebhookEndpoint::getId, Function.identity())));
        model.addAttribute("endpoints", endpoints);
        model.addAttribute("point", point);
        model.addAttribute("deliveries", admin.deliveries(point, page));
        model.addAttribute("eventLabels", eventLabels());
        return DELIVERIES;
    }

    @PostMapping("/administration/webhooks/livraisons/{deliveryId}/relance")
    public String replay(@PathVariable Long deliveryId, RedirectAttributes redirect) {
        try {
            WebhookDelivery delivery = admin.replay(deliveryId);
            Notice.success("Livraison relancée.", "L'événement " + delivery.getEventType() + " ("
                    + delivery.getMessageId() + ") est renvoyé avec le même identifiant : le destinataire reconnaît "
                    + "un doublon.").flash(redirect);
        } catch (DomainException e) {
            if (e.httpStatus() == 404 || e.httpStatus() == 403) {
                throw e;
            }
            Notice.error("Relance impossible.", e.getMessage()).flash(redirect);
        }
        return "redirect:/administration/webhooks/livraisons";
    }

    private static java.util.Map<String, String> eventLabels() {
        return java.util.Arrays.stream(WebhookEventType.values())
                .collect(Collectors.toMap(WebhookEventType::code, WebhookEventType::label));
    }

    private void fill(Model model) {
        List<WebhookEndpoint> endpoints = admin.endpoints();
        model.addAttribute("endpoints", endpoints);
        model.addAttribute("disabledByFailures", endpoints.stream()
                .filter(e -> !e.isEnabled() && e.getConsecutiveFailures() > 0).toList());
        model.addAttribute("eventChoices", WebhookAdmin.eventChoices());
        model.addAttribute("eventLabels", eventLabels());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Form());
        }
    }
}
