package fr.agir.web;

/** One step of a stepper (fragments/ui :: stepper): its words and whether it is done, current, stopped or to come. */
public record Step(String label, State state) {
    public enum State {
        DONE("faite", "faite"), CURRENT("en cours", "en-cours"), STOPPED("arrêtée ici", "arretee"),
        TO_COME("à venir", "a-venir");

        private final String words;
        private final String css;

        State(String words, String css) {
            this.words = words;
            this.css = css;
        }

        public String words() {
            return words;
        }

        public String css() {
            return css;
        }
    }
}
