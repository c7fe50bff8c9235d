package fr.agir;

import fr.agir.structure.Identifiers;
import java.util.concurrent.ThreadLocalRandom;

/** Generated test identifiers, valid and unique enough for one test run. */
public final class TestData {
    private TestData() {
    }

    /** A valid SIRET (Luhn), random so that tests never collide on the unique index. */
    public static String randomSiret() {
        while (true) {
            StringBuilder digits = new StringBuilder("4");
            for (int i = 0; i < 12; i++) {
                digits.append(ThreadLocalRandom.current().nextInt(10));
            }
            for (int check = 0; check < 10; check++) {
                if (Identifiers.isValidSiret(digits.toString() + check)) {
                    return digits.toString() + check;
                }
            }
        }
    }
}
