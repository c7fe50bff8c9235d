package fr.agir.payment.desk;

import fr.agir.shared.DomainException;
import fr.agir.structure.StructureService;
import fr.agir.web.FormErrors;
import fr.agir.web.Notice;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The structure's bank details page in the portal: its account, its requests, and a new request. */
@Controller
public class BankDetailsController {
    static final String FORM = "bankForm";

    private final BankDetailsChanges changes;
    private final BankDetailsCheck check;
    private final StructureService structures;

    public BankDetailsController(BankDetailsChanges changes, BankDetailsCheck check, StructureService structures) {
        this.changes = changes;
        this.check = check;
        this.structures = structures;
    }

    @GetMapping("/portail/structures/{id}/coordonnees-bancaires")
    public String page(@PathVariable Long id, Model model) {
        model.addAttribute("history", changes.ofStructure(id));
        model.addAttribute("structure", structures.get(id));
        model.addAttribute("bank", check.of(id));
        if (!model.containsAttribute(FORM)) {
            model.addAttribute(FORM, new BankDetailsForm());
        }
        return "finance/structure-bank-details";
    }

    @PostMapping("/portail/structures/{id}/coordonnees-bancaires")
    public String request(@PathVariable Long id, @Valid @ModelAttribute(FORM) BankDetailsForm form,
                          BindingResult result, RedirectAttributes redirect) {
        structures.checkMember(id); // 404 for anyone else, before the form's own errors
        if (!result.hasErrors()) {
            try {
                changes.request(id, form.getIban(), form.getBic());
                Notice.success("Demande de changement envoyée aux finances.", "Un agent des finances va vérifier le "
                        + "nouveau RIB. D'ici là, aucun versement n'est fait : nous ne payons que sur un compte vérifié.")
                        .flash(redirect);
                return "redirect:/portail/structures/" + id + "/coordonnees-bancaires";
            } catch (DomainException e) {
                if (e.httpStatus() == 404) {
                    throw e;
                }
                FormErrors.add(result, e);
            }
        }
        FormErrors.keepAcrossRedirect(redirect, FORM, form, result);
        return "redirect:/portail/structures/" + id + "/coordonnees-bancaires#demande";
    }
}
