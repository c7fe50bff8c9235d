package fr.agir.workflow;

/**
 * A campaign's own deadlines (ISO-8601 periods), set by the administrator; null where the campaign
 * keeps the configuration's. Implemented by {@code campaign}; {@link Deadlines} asks it by campaign id.
 */
public interface CampaignDeadlineLookup {
    enum Kind { MISSING_PIECES, OPINION, REPORT_AFTER_YEAR_END }

    /** The campaign's period for {@code kind}, or null for the default. */
    String period(Long campaignId, Kind kind);
}
