package fr.agir.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets the engine start on a database written at another history level (issue 21 moved Agir from
 * {@code full} to {@code audit}, then to {@code agir}, see {@link AgirHistoryLevel}): the engine refuses to start when the level in ACT_GE_PROPERTY differs
 * from its configuration, so before it checks, the stored level is set to the configured one. History
 * already written stays; from then on, the configured level applies. A fresh database (no engine tables
 * yet) is left alone.
 */
@Component
class HistoryLevelSwitch extends AbstractProcessEnginePlugin {
    private static final Logger log = LoggerFactory.getLogger(HistoryLevelSwitch.class);

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        HistoryLevel configured = configuration.getHistoryLevel();
        DataSource dataSource = configuration.getDataSource();
        if (configured == null || dataSource == null
                || ProcessEngineConfigurationImpl.HISTORY_AUTO.equalsIgnoreCase(configuration.getHistory())) {
            return;
        }
        String table = (configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix())
                + "ACT_GE_PROPERTY";
        try (Connection connection = dataSource.getConnection()) {
            if (!exists(connection, table)) {
                return;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try (PreparedStatement read = connection.prepareStatement(
                    "SELECT VALUE_ FROM " + table + " WHERE NAME_ = 'historyLevel'");
                 ResultSet rs = read.executeQuery()) {
                if (rs.next() && !String.valueOf(configured.getId()).equals(rs.getString(1))) {
                    try (PreparedStatement write = connection.prepareStatement(
                            "UPDATE " + table + " SET VALUE_ = ?, REV_ = REV_ + 1 WHERE NAME_ = 'historyLevel'")) {
                        write.setString(1, String.valueOf(configured.getId()));
                        write.executeUpdate();
                    }
                    log.info("Engine history level changed from {} to {} ({})", rs.getString(1), configured.getId(),
                            configured.getName());
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException noEngineTablesYet) {
            log.debug("History level not checked: {}", noEngineTablesYet.getMessage());
        }
    }

    /** Whether the engine's tables exist yet (asked of the metadata: a failed query would log a warning). */
    private static boolean exists(Connection connection, String table) throws SQLException {
        for (String name : new String[] {table, table.toLowerCase(java.util.Locale.ROOT)}) {
            try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
