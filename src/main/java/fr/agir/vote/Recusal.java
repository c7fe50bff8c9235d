package fr.agir.vote;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An elected member who stepped aside (déport) on one line of a voted report. */
@Entity
@Table(name = "cp_recusal")
public class Recusal {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "line_id")
    private Long lineId;
    @Column(name = "member_id")
    private Long memberId;

    protected Recusal() {
    }

    Recusal(Long lineId, Long memberId) {
        this.lineId = lineId;
        this.memberId = memberId;
    }

    public Long getId() { return id; }
    public Long getLineId() { return lineId; }
    public Long getMemberId() { return memberId; }
}
