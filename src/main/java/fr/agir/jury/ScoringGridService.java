package fr.agir.jury;

import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.campaign.CampaignService;
import fr.agir.security.CurrentUser;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.Texts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's scoring grid: written by the DIEESS or an administrator, frozen when a session opens
 * scoring with it; saving a frozen grid makes its next version, so scores always refer to the grid
 * they were given on.
 */
@Service
public class ScoringGridService {
    public static final String ENTITY = "SCORING_GRID";
    static final int MAX_CRITERIA = 20;
    static final int MAX_SCALE = 10;

    private final ScoringGridRepository grids;
    private final CampaignService campaigns;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ScoringGridService(ScoringGridRepository grids, CampaignService campaigns, AuditTrail audit,
                              CurrentUser currentUser, Clock clock) {
        this.grids = grids;
        this.campaigns = campaigns;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * One criterion as typed: a label, an integer scale ({@code scaleMin}–{@code scaleMax}, 0–5 by
     * default), one anchored label per point (optional), a weight, whether it must be scored, and
     * the minimum mean below which the application is out (optional).
     */
    public record CriterionInput(String label, String description, Integer scaleMin, Integer scaleMax,
                                 List<String> anchors, BigDecimal weight, Boolean required,
                                 BigDecimal eliminatoryBelow) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN', 'JURY')")
    public Optional<ScoringGrid> current(Long campaignId) {
        campaigns.get(campaignId);
        return grids.findFirstByCampaignIdOrderByGridVersionDesc(campaignId);
    }

    /** Saves the campaign's grid: replaces the draft version, or starts the next one if it is frozen. */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public ScoringGrid save(Long campaignId, List<CriterionInput> input) {
        campaigns.get(campaignId);
        List<GridCriterion> criteria = checked(input);
        Optional<ScoringGrid> latest = grids.findFirstByCampaignIdOrderByGridVersionDesc(campaignId);
        ScoringGrid grid = latest.filter(g -> !g.isFrozen()).orElseGet(() -> grids.save(new ScoringGrid(campaignId,
                latest.map(g -> g.getGridVersion() + 1).orElse(1), currentUser.username(), Instant.now(clock))));
        grid.replaceCriteria(criteria);
        grids.saveAndFlush(grid);
        audit.record(ENTITY, grid.getId(), null, AuditAction.SCORING_GRID_SAVED, null, null,
                "Version " + grid.getGridVersion() + " : " + criteria.size() + (criteria.size() > 1 ? " critères" : " critère"));
        return grid;
    }

    /** The latest version, frozen from now on: the one a session scores with. */
    @Transactional
    ScoringGrid freezeLatest(Long campaignId) {
        ScoringGrid grid = grids.findFirstByCampaignIdOrderByGridVersionDesc(campaignId)
                .filter(g -> !g.getCriteria().isEmpty())
                .orElseThrow(() -> new fr.agir.shared.StateConflictException("La grille de notation de la campagne "
                        + "n'a aucun critère : définissez-la avant d'ouvrir la notation."));
        if (!grid.isFrozen()) {
            grid.freeze(Instant.now(clock));
            audit.record(ENTITY, grid.getId(), null, AuditAction.SCORING_GRID_FROZEN, null, null,
                    "Version " + grid.getGridVersion() + " figée à l'ouverture de la notation");
        }
        return grid;
    }

    @Transactional(readOnly = true)
    ScoringGrid get(Long gridId) {
        return grids.findById(gridId).orElseThrow(NotFoundException::notYours);
    }

    static List<GridCriterion> checked(List<CriterionInput> input) {
        if (input == null || input.isEmpty()) {
            throw new InvalidInputException("La grille doit avoir au moins un critère.",
                    Map.of("criteria", "Au moins un critère"));
        }
        if (input.size() > MAX_CRITERIA) {
            throw new InvalidInputException("Une grille a au plus " + MAX_CRITERIA + " critères.",
                    Map.of("criteria", "Au plus " + MAX_CRITERIA + " critères"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<GridCriterion> criteria = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            CriterionInput c = input.get(i);
            String field = "criteria[" + i + "]";
            if (c == null) {
                errors.put(field, "Critère vide");
                continue;
            }
            String label;
            String description;
            try {
                label = Texts.required(c.label(), field + ".label", 200, "Intitulé du critère manquant");
                description = Texts.optional(c.description(), field + ".description", 2000);
            } catch (InvalidInputException e) {
                errors.putAll(e.fieldErrors());
                continue;
            }
            int min = c.scaleMin() == null ? 0 : c.scaleMin();
            int max = c.scaleMax() == null ? 5 : c.scaleMax();
            if (min < 0 || max > MAX_SCALE || min >= max) {
                errors.put(field + ".scaleMax", "Échelle de 0 à " + MAX_SCALE + " au plus, le minimum sous le maximum");
                continue;
            }
            List<String> anchors = c.anchors() == null ? List.of() : c.anchors().stream()
                    .map(a -> a == null ? "" : a.strip()).toList();
            if (!anchors.isEmpty() && anchors.size() != max - min + 1) {
                errors.put(field + ".anchors", "Un libellé par point de l'échelle (" + (max - min + 1) + "), ou aucun");
            } else if (anchors.stream().anyMatch(a -> a.length() > 100 || a.contains("\n"))) {
                errors.put(field + ".anchors", "Chaque libellé tient en une ligne de 100 caractères au plus");
            }
            BigDecimal weight = c.weight() == null ? BigDecimal.ONE : c.weight();
            if (weight.signum() <= 0 || weight.compareTo(new BigDecimal("100")) > 0 || weight.scale() > 2) {
                errors.put(field + ".weight", "Poids positif, 100 au plus, deux décimales au plus");
            }
            BigDecimal eliminatory = c.eliminatoryBelow();
            if (eliminatory != null && (eliminatory.compareTo(BigDecimal.valueOf(min)) <= 0
                    || eliminatory.compareTo(BigDecimal.valueOf(max)) > 0 || eliminatory.scale() > 2)) {
                errors.put(field + ".eliminatoryBelow", "Seuil éliminatoire au-dessus de " + min + " et au plus " + max);
            }
            criteria.add(new GridCriterion(i + 1, label, description, min, max, anchors, weight,
                    c.required() == null || c.required(), eliminatory));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("La grille de notation contient des erreurs.", errors);
        }
        return criteria;
    }
}
