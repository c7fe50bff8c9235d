package fr.agir;

import fr.agir.structure.Identifiers;
import java.util.concurrent.ThreadLocalRandom;

/** Generated test identifiers, valid and unique enough for one test run. */
public final class TestData {
    private TestData() {
    }

    /** A valid SIRET whose SIREN is valid too (both Luhn), random so that tests never collide on the unique index. */
    public static String randomSiret() {
        while (true) {
            StringBuilder siren = new StringBuilder("4");
            for (int i = 0; i < 7; i++) {
                siren.append(ThreadLocalRandom.current().nextInt(10));
            }
            for (int check = 0; check < 10; check++) {
                if (Identifiers.isValidSiren(siren.toString() + check)) {
                    return siretOfSameSiren(siren.toString() + check + "00000");
                }
            }
        }
    }

    /** Another valid SIRET of the same SIREN: another establishment of the same legal entity. */
    public static String siretOfSameSiren(String siret) {
        while (true) {
            StringBuilder digits = new StringBuilder(siret.substring(0, 9));
            for (int i = 0; i < 4; i++) {
                digits.append(ThreadLocalRandom.current().nextInt(10));
            }
            for (int check = 0; check < 10; check++) {
                String candidate = digits.toString() + check;
                if (!candidate.equals(siret) && Identifiers.isValidSiret(candidate)) {
                    return candidate;
                }
            }
        }
    }
}
