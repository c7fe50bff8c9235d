package fr.agir.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.agir.workflow.FormSchema.Mode;
import org.junit.jupiter.api.Test;

/** The server reads forms/application.form, the very schema the portal renders with form-js. */
class FormSchemaTest {
    private static final FormSchema FORM = FormSchema.load("application");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static final String COMPLETE = "{'title':'Recyclerie','description':'Réparer','thematic':'TRANSITION_ECOLOGIQUE',"
            + "'targetPublic':'JEUNES','territory':'Saint-Denis','durationYears':'1',"
            + "'budget1':{'l64':1000,'l74_departement':1000}}";

    @Test
    void aCompleteOneYearApplicationIsValid() throws Exception {
        assertThat(FORM.validate(json(COMPLETE), Mode.SUBMISSION)).isEmpty();
    }

    @Test
    void anEmptyDraftIsAcceptedButCannotBeSubmitted() throws Exception {
        assertThat(FORM.validate(json("{}"), Mode.DRAFT)).isEmpty();
        assertThat(FORM.validate(json("{}"), Mode.SUBMISSION)).containsKeys("title", "description", "thematic",
                "targetPublic", "territory", "durationYears", "budget1.l74_departement");
    }

    @Test
    void theSecondYearBudgetIsRequiredOnlyForATwoYearProject() throws Exception {
        assertThat(FORM.validate(json(COMPLETE), Mode.SUBMISSION)).doesNotContainKey("budget2.l74_departement");
        JsonNode twoYears = json(COMPLETE.replace("'durationYears':'1'", "'durationYears':'2'"));
        assertThat(FORM.validate(twoYears, Mode.SUBMISSION)).containsOnlyKeys("budget2.l74_departement");
    }

    @Test
    void aGroupsConditionHidesOrShowsEveryOneOfItsFieldsInOneValidation() throws Exception {
        // The year-2 group's condition is each of its fields' condition; it is evaluated once per validation.
        String budget2 = ",'budget2':{'l60':'douze','l61':-1,'l64':'x'}}";
        JsonNode oneYear = json(COMPLETE.substring(0, COMPLETE.length() - 1) + budget2);
        assertThat(FORM.validate(oneYear, Mode.DRAFT)).isEmpty();
        JsonNode twoYears = json(COMPLETE.replace("'durationYears':'1'", "'durationYears':'2'")
                .substring(0, COMPLETE.length() - 1) + budget2);
        assertThat(FORM.validate(twoYears, Mode.DRAFT)).containsOnlyKeys("budget2.l60", "budget2.l61", "budget2.l64");
        assertThat(FORM.validate(oneYear, Mode.DRAFT)).as("the results follow the inputs").isEmpty();
        JsonNode retyped = json(COMPLETE.replace("'durationYears':'1'", "'durationYears':'2'")
                .replace("Recyclerie", "Recyclerie et atelier").replace("1000}}", "1200}" + budget2));
        assertThat(FORM.validate(retyped, Mode.DRAFT)).as("other fields typed, same duration")
                .containsOnlyKeys("budget2.l60", "budget2.l61", "budget2.l64");
    }

    @Test
    void limitsOptionsAndTypesAreCheckedEvenInADraft() throws Exception {
        String tooLong = "x".repeat(201);
        assertThat(FORM.validate(json("{'title':'" + tooLong + "','thematic':'CULTURE','durationYears':'3',"
                + "'budget1':{'l60':-5,'l61':'douze','l62':1.005}}"), Mode.DRAFT))
                .containsOnlyKeys("title", "thematic", "durationYears", "budget1.l60", "budget1.l61", "budget1.l62")
                .containsEntry("title", "Au plus 200 caractères (201 saisis)")
                .containsEntry("budget1.l62", "Au plus deux décimales");
    }

    @Test
    void numbersMayComeAsFrenchDecimalStrings() throws Exception {
        assertThat(FORM.validate(json("{'budget1':{'l60':'1250,50'}}"), Mode.DRAFT)).isEmpty();
    }

    @Test
    void keysTheFormDoesNotAskForAreRefused() throws Exception {
        assertThat(FORM.validate(json("{'status':'GRANTED','budget1':{'l99':1}}"), Mode.DRAFT))
                .containsOnlyKeys("status", "budget1.l99");
    }
}
