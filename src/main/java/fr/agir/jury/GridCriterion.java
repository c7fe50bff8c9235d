package fr.agir.jury;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** A criterion of a scoring grid: an integer scale with a label per point, a weight, and optional minimum. */
@Entity
@Table(name = "grid_criterion")
public class GridCriterion {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int position;
    private String label;
    private String description;
    @Column(name = "scale_min")
    private int scaleMin;
    @Column(name = "scale_max")
    private int scaleMax;
    private String anchors;
    private BigDecimal weight;
    private boolean required;
    @Column(name = "eliminatory_below")
    private BigDecimal eliminatoryBelow;

    protected GridCriterion() {
    }

    GridCriterion(int position, String label, String description, int scaleMin, int scaleMax, List<String> anchors,
                  BigDecimal weight, boolean required, BigDecimal eliminatoryBelow) {
        this.position = position;
        this.label = label;
        this.description = description;
        this.scaleMin = scaleMin;
        this.scaleMax = scaleMax;
        this.anchors = anchors == null || anchors.isEmpty() ? null : String.join("\n", anchors);
        this.weight = weight;
        this.required = required;
        this.eliminatoryBelow = eliminatoryBelow;
    }

    /** The label of a point of the scale ("3 — Satisfaisant"), or the number alone without anchors. */
    public String pointLabel(int value) {
        List<String> labels = getAnchors();
        int index = value - scaleMin;
        return index >= 0 && index < labels.size() && !labels.get(index).isBlank()
                ? value + " — " + labels.get(index) : String.valueOf(value);
    }

    public Long getId() { return id; }
    public int getPosition() { return position; }
    public String getLabel() { return label; }
    public String getDescription() { return description; }
    public int getScaleMin() { return scaleMin; }
    public int getScaleMax() { return scaleMax; }
    public List<String> getAnchors() { return anchors == null ? List.of() : Arrays.asList(anchors.split("\n", -1)); }
    public BigDecimal getWeight() { return weight; }
    public boolean isRequired() { return required; }
    public BigDecimal getEliminatoryBelow() { return eliminatoryBelow; }
    public boolean isEliminatory() { return eliminatoryBelow != null; }
}
