package fr.agir.jury;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** What the grid editor posts: the criteria in order, each with one label per point of its scale. */
public class ScoringGridForm {
    @Valid
    private List<Criterion> criteria = new ArrayList<>();

    /** One criterion as typed; the rules (scale, weight, threshold) are {@link ScoringGridService}'s. */
    public static class Criterion {
        private String label;
        private String description;
        private Integer scaleMin = 0;
        private Integer scaleMax = 5;
        private List<String> anchors = new ArrayList<>();
        private BigDecimal weight = BigDecimal.ONE;
        private boolean required = true;
        private BigDecimal eliminatoryBelow;
        private boolean removed;

        static Criterion of(GridCriterion c) {
            Criterion row = new Criterion();
            row.label = c.getLabel();
            row.description = c.getDescription();
            row.scaleMin = c.getScaleMin();
            row.scaleMax = c.getScaleMax();
            row.anchors = new ArrayList<>(c.getAnchors());
            row.weight = c.getWeight() == null ? null : plain(c.getWeight());
            row.required = c.isRequired();
            row.eliminatoryBelow = c.getEliminatoryBelow() == null ? null : plain(c.getEliminatoryBelow());
            return row;
        }

        private static BigDecimal plain(BigDecimal value) {
            BigDecimal stripped = value.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }

        /** How many points the scale has when it reads well, else 0 (the page then shows no label field). */
        public int points() {
            return scaleMin != null && scaleMax != null && scaleMin >= 0 && scaleMax <= ScoringGridService.MAX_SCALE
                    && scaleMin < scaleMax ? scaleMax - scaleMin + 1 : 0;
        }

        /** One label field per point of the scale, what was typed kept. */
        void fitAnchors() {
            int points = points();
            if (points == 0) {
                return;
            }
            List<String> fitted = new ArrayList<>(anchors.subList(0, Math.min(points, anchors.size())));
            while (fitted.size() < points) {
                fitted.add("");
            }
            anchors = fitted;
        }

        ScoringGridService.CriterionInput toInput() {
            boolean noAnchor = anchors.stream().allMatch(a -> a == null || a.isBlank());
            return new ScoringGridService.CriterionInput(label, description, scaleMin, scaleMax,
                    noAnchor ? null : anchors, weight, required, eliminatoryBelow);
        }

        public String getLabel() { return label; }
        public void setLabel(String label) { this.label = label; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public Integer getScaleMin() { return scaleMin; }
        public void setScaleMin(Integer scaleMin) { this.scaleMin = scaleMin; }
        public Integer getScaleMax() { return scaleMax; }
        public void setScaleMax(Integer scaleMax) { this.scaleMax = scaleMax; }
        public List<String> getAnchors() { return anchors; }
        public void setAnchors(List<String> anchors) { this.anchors = anchors == null ? new ArrayList<>() : anchors; }
        public BigDecimal getWeight() { return weight; }
        public void setWeight(BigDecimal weight) { this.weight = weight; }
        public boolean isRequired() { return required; }
        public void setRequired(boolean required) { this.required = required; }
        public BigDecimal getEliminatoryBelow() { return eliminatoryBelow; }
        public void setEliminatoryBelow(BigDecimal eliminatoryBelow) { this.eliminatoryBelow = eliminatoryBelow; }
        public boolean isRemoved() { return removed; }
        public void setRemoved(boolean removed) { this.removed = removed; }
    }

    static ScoringGridForm of(ScoringGrid grid) {
        ScoringGridForm form = new ScoringGridForm();
        if (grid != null) {
            grid.getCriteria().forEach(c -> form.criteria.add(Criterion.of(c)));
        }
        if (form.criteria.isEmpty()) {
            form.criteria.add(new Criterion());
        }
        form.fitAnchors();
        return form;
    }

    void fitAnchors() {
        criteria.forEach(Criterion::fitAnchors);
    }

    /** Drops the criteria ticked "Retirer"; only when nothing failed to bind (errors point at rows by index). */
    void dropRemoved() {
        criteria.removeIf(Criterion::isRemoved);
    }

    void addCriterion() {
        Criterion added = new Criterion();
        added.fitAnchors();
        criteria.add(added);
    }

    List<ScoringGridService.CriterionInput> toInput() {
        return criteria.stream().map(Criterion::toInput).toList();
    }

    public List<Criterion> getCriteria() { return criteria; }
    public void setCriteria(List<Criterion> criteria) { this.criteria = criteria == null ? new ArrayList<>() : criteria; }
}
