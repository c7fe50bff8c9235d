package fr.agir.structure;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks of French and banking identifiers (pure functions, no I/O). */
public final class Identifiers {
    private static final String LA_POSTE_SIREN = "356000000";
    private static final Pattern DIGITS_14 = Pattern.compile("\\d{14}");
    private static final Pattern DIGITS_9 = Pattern.compile("\\d{9}");
    private static final Pattern RNA = Pattern.compile("W\\d{9}");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");
    private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

    private Identifiers() {
    }

    /**
     * SIRET: 14 digits, Luhn checksum, and its first 9 digits a valid SIREN; La Poste's establishments
     * use a digit sum divisible by 5.
     */
    public static boolean isValidSiret(String siret) {
        if (siret == null || !DIGITS_14.matcher(siret).matches() || !isValidSiren(siret.substring(0, 9))) {
            return false;
        }
        if (siret.startsWith(LA_POSTE_SIREN)) {
            return digitSum(siret) % 5 == 0 || luhn(siret);
        }
        return luhn(siret);
    }

    public static boolean isValidSiren(String siren) {
        return siren != null && DIGITS_9.matcher(siren).matches() && luhn(siren);
    }

    public static boolean isValidRna(String rna) {
        return rna != null && RNA.matcher(rna).matches();
    }

    /** IBAN: ISO 13616, mod 97 = 1; a French IBAN has 27 characters. */
    public static boolean isValidIban(String iban) {
        String value = normalise(iban);
        if (value == null || !IBAN.matcher(value).matches() || value.length() > 34) {
            return false;
        }
        if (value.startsWith("FR") && value.length() != 27) {
            return false;
        }
        String rearranged = value.substring(4) + value.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** BIC: 8 or 11 characters (bank, country, location, optional branch). */
    public static boolean isValidBic(String bic) {
        String value = normalise(bic);
        return value != null && BIC.matcher(value).matches();
    }

    /** Upper case without spaces, as identifiers are stored. */
    public static String normalise(String value) {
        return value == null ? null : value.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static int digitSum(String digits) {
        return digits.chars().map(c -> c - '0').sum();
    }
}
