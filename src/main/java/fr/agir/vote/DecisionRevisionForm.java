package fr.agir.vote;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The délibération modificative page's form: withdraw or amend, the délibération, amounts or motivation. */
public class DecisionRevisionForm extends CommissionForms.Amounts {
    private String kind;
    private String deliberationNumber;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate deliberationDate;
    private String motivation;

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getDeliberationNumber() { return deliberationNumber; }
    public void setDeliberationNumber(String deliberationNumber) { this.deliberationNumber = deliberationNumber; }
    public LocalDate getDeliberationDate() { return deliberationDate; }
    public void setDeliberationDate(LocalDate deliberationDate) { this.deliberationDate = deliberationDate; }
    public String getMotivation() { return motivation; }
    public void setMotivation(String motivation) { this.motivation = motivation; }
}
