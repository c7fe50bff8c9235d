package fr.agir.bench;

import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * A past campaign of {@code applications} applications written by {@link DataGenerator} (multi-row INSERTs, no
 * engine), for tests outside this package that need volume quickly (the steering dashboard's figures).
 */
public final class SeededCampaign {
    private SeededCampaign() {
    }

    /** Seeds the campaign {@code AAA-<year>} (which must not exist) and its structures; returns its id. */
    public static long seed(DataSource dataSource, int year, int structures, int applications) throws SQLException {
        DataGenerator generator = new DataGenerator(dataSource);
        List<Long> ids = generator.structures(year * 1000L, structures, null);
        long campaignId = generator.pastCampaign(year);
        generator.pastApplications(campaignId, year, 1, applications, ids.get(0), structures);
        return campaignId;
    }
}
