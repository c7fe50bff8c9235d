package fr.agir.application;

/**
 * Lines of the budget prévisionnel (Cerfa 12156): charges 60–68, produits 70–79 with account 74
 * detailed per funder, and voluntary contributions 86 (uses) and 87 (resources).
 */
public enum BudgetLineCode {
    C60("60", Side.CHARGE, "Achats"),
    C61("61", Side.CHARGE, "Services extérieurs"),
    C62("62", Side.CHARGE, "Autres services extérieurs"),
    C63("63", Side.CHARGE, "Impôts et taxes"),
    C64("64", Side.CHARGE, "Charges de personnel"),
    C65("65", Side.CHARGE, "Autres charges de gestion courante"),
    C66("66", Side.CHARGE, "Charges financières"),
    C67("67", Side.CHARGE, "Charges exceptionnelles"),
    C68("68", Side.CHARGE, "Dotations aux amortissements"),
    P70("70", Side.PRODUCT, "Vente de produits finis, prestations de services, marchandises"),
    P73("73", Side.PRODUCT, "Dotations et produits de tarification"),
    P74_ETAT("74-ETAT", Side.PRODUCT, "Subvention : État"),
    P74_REGION("74-REGION", Side.PRODUCT, "Subvention : Région"),
    P74_DEPARTEMENT("74-DEPARTEMENT", Side.PRODUCT, "Subvention : Département (montant demandé)"),
    P74_EPCI("74-EPCI", Side.PRODUCT, "Subvention : intercommunalité (EPT, EPCI)"),
    P74_COMMUNE("74-COMMUNE", Side.PRODUCT, "Subvention : commune"),
    P74_ORGANISMES_SOCIAUX("74-ORGANISMES-SOCIAUX", Side.PRODUCT, "Subvention : organismes sociaux"),
    P74_FONDS_EUROPEENS("74-FONDS-EUROPEENS", Side.PRODUCT, "Subvention : fonds européens"),
    P74_ASP("74-ASP", Side.PRODUCT, "Aides à l'emploi (ASP)"),
    P74_AUTRES("74-AUTRES", Side.PRODUCT, "Subvention : autres établissements publics"),
    P74_AIDES_PRIVEES("74-AIDES-PRIVEES", Side.PRODUCT, "Aides privées (fondations)"),
    P75("75", Side.PRODUCT, "Autres produits de gestion courante"),
    P76("76", Side.PRODUCT, "Produits financiers"),
    P77("77", Side.PRODUCT, "Produits exceptionnels"),
    P78("78", Side.PRODUCT, "Reprises sur amortissements et provisions"),
    P79("79", Side.PRODUCT, "Transferts de charges"),
    C86("86", Side.CHARGE, "Emplois des contributions volontaires en nature"),
    P87("87", Side.PRODUCT, "Contributions volontaires en nature");

    public enum Side { CHARGE, PRODUCT }

    private final String code;
    private final Side side;
    private final String label;

    BudgetLineCode(String code, Side side, String label) {
        this.code = code;
        this.side = side;
        this.label = label;
    }

    public String code() { return code; }
    /** The chart of accounts' number as people read it: "74" for "74-DEPARTEMENT". */
    public String account() { return code.contains("-") ? code.substring(0, code.indexOf('-')) : code; }
    public Side side() { return side; }
    public String label() { return label; }

    public static BudgetLineCode fromCode(String code) {
        for (BudgetLineCode c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        return null;
    }
}
