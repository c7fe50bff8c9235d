package fr.agir.opendata;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import fr.agir.shared.DevelopmentProfiles;
import fr.agir.shared.TimeConfig;
import fr.agir.structure.Identifiers;

/**
 * The SCDL « subventions » file (schema 2.1.1, schema.data.gouv.fr/scdl/subventions) of one budget year: one
 * row per grant in force that year (an agreement countersigned by the Département, or an arrêté attributif,
 * which is in force once issued) with an amount for that calendar year, whatever the amount (the Département
 * publishes all its grants, not only those above 23,000 € that décret 2017-779 requires). Never published: a
 * grant voted but whose agreement is not countersigned, a rejected application (it has no act), a structure
 * flagged as a natural person ({@code structure.natural_person}), and no individual's name (neither the legal
 * representative nor anyone who signed). Rows are read with a JDBC cursor and written as they come.
 *
 * <p>The granting authority's SIRET ({@code idAttribuant}, {@code agir.open-data.attribuant-siret}) is read at each
 * request. While it is not a valid SIRET (14 digits, Luhn key), or is the placeholder {@value #PLACEHOLDER_SIRET}
 * outside the embedded default and the dev, demo and test profiles, nothing is published ({@link #refusal()}): a
 * file naming a wrong authority would be worse than none.
 */
@Service
public class ScdlSubsidies {
    /** The schema's 16 columns, in its order. */
    public static final List<String> COLUMNS = List.of("nomAttribuant", "idAttribuant", "dateConvention",
            "referenceDecision", "nomBeneficiaire", "idBeneficiaire", "rnaBeneficiaire", "objet", "montant", "nature",
            "conditionsVersement", "datesPeriodeVersement", "idRAE", "notificationUE", "pourcentageSubvention",
            "dispositifAide");
    /** What each column holds, in French, for the page that explains the file (same order as {@link #COLUMNS}). */
    public static final List<String> COLUMN_MEANINGS = List.of(
            "Nom du Département, qui attribue la subvention",
            "SIRET du Département (14 chiffres)",
            "Date de la convention contresignée ou de l'arrêté attributif (AAAA-MM-JJ)",
            "Numéro de la délibération de la Commission permanente",
            "Nom de la structure bénéficiaire (jamais le nom d'une personne)",
            "SIRET de la structure bénéficiaire, s'il est connu",
            "Numéro RNA de l'association bénéficiaire, s'il est connu",
            "Objet de la subvention : le titre du projet",
            "Montant attribué pour l'exercice, en euros, avec un point décimal",
            "Nature de l'aide : « aide en numéraire »",
            "Versement « unique » ou « échelonné » sur l'exercice",
            "Date(s) de versement dans l'exercice, sinon l'exercice entier",
            "Identifiant au registre des aides d'État : vide",
            "Aide notifiée à l'Union européenne : « non »",
            "Part de la subvention dans les charges du projet de l'exercice (de 0.01 à 1)",
            "Dispositif d'aide : vide");
    private static final Pattern SIRET = Pattern.compile("^\\d{14}$");
    private static final Pattern RNA = Pattern.compile("^W\\d{9}$");
    private static final BigDecimal ONE_PERCENT = new BigDecimal("0.01");
    /** The configuration's default: no authority's SIRET, tolerated for development only. */
    public static final String PLACEHOLDER_SIRET = "00000000000000";
    static final String SIRET_PROPERTY = "agir.open-data.attribuant-siret";
    private static final Logger log = LoggerFactory.getLogger(ScdlSubsidies.class);

    /** The grants in force, per calendar year: FROM/WHERE shared by the years' list and the file. */
    private static final String IN_FORCE = """
             FROM agreement g
             JOIN agreement_year ay ON ay.agreement_id = g.id
             JOIN application a ON a.id = g.application_id
             JOIN structure s ON s.id = a.structure_id
            WHERE g.status IN ('IN_FORCE', 'CLOSED')
              AND (g.instrument = 'ARRETE' OR g.countersigned_at IS NOT NULL)
              AND s.natural_person = FALSE
              AND ay.amount > 0
            """;

    private final JdbcTemplate jdbc;
    private final String attribuantName;
    private final Environment environment;
    private final boolean development;

    public ScdlSubsidies(JdbcTemplate jdbc,
                         @Value("${agir.open-data.attribuant-name:Département de la Seine-Saint-Denis}") String name,
                         Environment environment) {
        this.jdbc = jdbc;
        this.attribuantName = name;
        this.environment = environment;
        this.development = DevelopmentProfiles.active(environment);
        refusal(attribuantSiret(), development).ifPresent(why -> log.warn("Open data: the SCDL subsidies files are "
                + "NOT published ({}). Set agir.open-data.attribuant-siret (AGIR_OPEN_DATA_SIRET) to the Département's "
                + "SIRET.", why));
    }

    private String attribuantSiret() {
        String siret = environment.getProperty(SIRET_PROPERTY, PLACEHOLDER_SIRET);
        return siret == null ? "" : siret.strip();
    }

    /** Why the files are not published now (for the logs), or empty when they are. */
    public Optional<String> refusal() {
        return refusal(attribuantSiret(), development);
    }

    /**
     * Why a file with this granting authority's SIRET may not be published: not 14 digits, a wrong Luhn key,
     * or the placeholder outside development. Empty: publish.
     */
    static Optional<String> refusal(String siret, boolean development) {
        if (siret == null || !SIRET.matcher(siret).matches()) {
            return Optional.of(SIRET_PROPERTY + " is not 14 digits");
        }
        if (siret.equals(PLACEHOLDER_SIRET)) {
            return development ? Optional.empty()
                    : Optional.of(SIRET_PROPERTY + " is the placeholder " + PLACEHOLDER_SIRET);
        }
        return Identifiers.isValidSiret(siret) ? Optional.empty()
                : Optional.of(SIRET_PROPERTY + " " + siret + " fails the SIRET check (Luhn key)");
    }

    /** The budget years with at least one grant to publish, latest first. */
    @Transactional(readOnly = true)
    public List<Integer> years() {
        return jdbc.queryForList("SELECT DISTINCT g.first_year + ay.grant_year - 1 AS y" + IN_FORCE + " ORDER BY y DESC",
                Integer.class);
    }

    public String attribuantName() {
        return attribuantName;
    }

    /** Writes the year's file: the header, then one row per grant, RFC 4180 (',' , '"' doubled, CRLF), UTF-8. */
    @Transactional(readOnly = true)
    public void write(int year, Writer out) throws IOException {
        String attribuantSiret = attribuantSiret();
        out.write(line(COLUMNS));
        List<IOException> failed = new ArrayList<>(1);
        jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    SELECT g.id, g.instrument, g.countersigned_at, g.generated_at, ay.grant_year, a.title,
                           s.name, s.siret, s.rna,
                           COALESCE((SELECT y.amount FROM agreement_amendment m
                                       JOIN agreement_amendment_year y ON y.amendment_id = m.id
                                      WHERE m.agreement_id = g.id AND m.status = 'IN_FORCE' AND y.grant_year = ay.grant_year
                                        AND m.amendment_rank = (SELECT MAX(m2.amendment_rank) FROM agreement_amendment m2
                                                                 WHERE m2.agreement_id = g.id AND m2.status = 'IN_FORCE')),
                                    ay.amount) AS amount,
                           (SELECT MAX(d.deliberation_number) FROM decision d
                             WHERE d.application_id = a.id AND d.superseded_at IS NULL) AS deliberation,
                           (SELECT COUNT(*) FROM installment i
                             WHERE i.agreement_id = g.id AND i.grant_year = ay.grant_year) AS installments,
                           (SELECT MIN(i.paid_at) FROM installment i
                             WHERE i.agreement_id = g.id AND i.grant_year = ay.grant_year) AS first_paid,
                           (SELECT MAX(i.paid_at) FROM installment i
                             WHERE i.agreement_id = g.id AND i.grant_year = ay.grant_year) AS last_paid,
                           (SELECT SUM(b.amount) FROM budget_line b
                             WHERE b.application_id = a.id AND b.grant_year = ay.grant_year AND b.code LIKE '6%') AS charges
                    """ + IN_FORCE + " AND g.first_year + ay.grant_year - 1 = ? ORDER BY g.id",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(500);
            ps.setInt(1, year);
            return ps;
        }, (ResultSet rs) -> {
            if (failed.isEmpty()) {
                try {
                    out.write(line(row(year, attribuantSiret, rs)));
                } catch (IOException e) {
                    failed.add(e);
                }
            }
        });
        if (!failed.isEmpty()) {
            throw failed.get(0);
        }
        out.flush();
    }

    private List<String> row(int year, String attribuantSiret, ResultSet rs) throws SQLException {
        boolean arrete = "ARRETE".equals(rs.getString("instrument"));
        Timestamp act = arrete ? rs.getTimestamp("generated_at") : rs.getTimestamp("countersigned_at");
        BigDecimal amount = rs.getBigDecimal("amount").setScale(2, RoundingMode.HALF_UP);
        String siret = rs.getString("siret");
        String rna = rs.getString("rna");
        int installments = rs.getInt("installments");
        return List.of(attribuantName, attribuantSiret, day(act).toString(), nullToEmpty(rs.getString("deliberation")),
                rs.getString("name"), siret != null && SIRET.matcher(siret).matches() ? siret : "",
                rna != null && RNA.matcher(rna.trim()).matches() ? rna.trim() : "", objet(rs.getString("title")),
                amount.toPlainString(), "aide en numéraire", installments > 1 ? "échelonné" : "unique",
                period(year, rs.getTimestamp("first_paid"), rs.getTimestamp("last_paid")), "", "non",
                percentage(amount, rs.getBigDecimal("charges")).toPlainString(), "");
    }

    /** The dates paid that year (one date, or the first/last), else the budget year itself. */
    static String period(int year, Timestamp first, Timestamp last) {
        if (first == null) {
            return year + "-01-01/" + year + "-12-31";
        }
        LocalDate from = day(first);
        LocalDate to = day(last);
        return from.equals(to) ? from.toString() : from + "/" + to;
    }

    /**
     * The grant's share of the project's charges that year, two decimals, within the schema's [0.01, 1]; a
     * project without a budget (never, as submitted) counts as wholly funded.
     */
    static BigDecimal percentage(BigDecimal amount, BigDecimal charges) {
        if (charges == null || charges.signum() <= 0 || amount.compareTo(charges) >= 0) {
            return BigDecimal.ONE.setScale(2);
        }
        BigDecimal share = amount.divide(charges, 2, RoundingMode.HALF_UP);
        return share.compareTo(ONE_PERCENT) < 0 ? ONE_PERCENT : share;
    }

    /** The object: the project's title, under 256 characters, on one line. */
    static String objet(String title) {
        String t = title == null || title.isBlank() ? "Subvention" : title.replaceAll("\\s+", " ").trim();
        return t.length() > 255 ? t.substring(0, 254) + "…" : t;
    }

    private static LocalDate day(Timestamp t) {
        return t.toInstant().atZone(TimeConfig.PARIS).toLocalDate();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** One RFC 4180 line: a cell with a comma, a quote or a line break is quoted, its quotes doubled. */
    static String line(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String c = cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        return b.append("\r\n").toString();
    }
}
