package fr.agir.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "number_sequence")
class NumberSequence {
    @Id
    private String name;
    @Column(name = "next_value")
    private long nextValue;

    protected NumberSequence() {
    }

    long take() {
        return nextValue++;
    }
}
