package fr.agir.application;

import jakarta.validation.constraints.AssertTrue;

/** The summary page's form: the declaration on honour, without which nothing is submitted. */
public class SubmissionForm {
    @AssertTrue(message = "Cochez la déclaration sur l'honneur pour déposer la candidature")
    private boolean declaration;

    public boolean isDeclaration() { return declaration; }
    public void setDeclaration(boolean declaration) { this.declaration = declaration; }
}
