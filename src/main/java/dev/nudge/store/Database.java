package dev.nudge.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.nudge.NudgeException;
import dev.nudge.config.DatabaseConfig;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The one source of truth. Opens a pool, brings the schema up to date with
 * Flyway, and runs work in transactions.
 */
public final class Database implements AutoCloseable {

    /** H2 reached through its file must keep a commit once the commit returns. */
    static final String H2_FILE_SETTINGS = ";WRITE_DELAY=0;AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=64";

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    public static Database open(DatabaseConfig config) {
        // H2's auto-server lets a second `nudge` process use the same file while
        // `serve` runs; its TCP listener must stay on loopback.
        System.setProperty("h2.bindAddress", "127.0.0.1");
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(jdbcUrl(config.url()));
        hikari.setUsername(config.user());
        hikari.setPassword(config.password() == null ? "" : config.password().value());
        hikari.setMaximumPoolSize(8);
        hikari.setPoolName("nudge");
        hikari.setAutoCommit(false);
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new NudgeException("Cannot open the database at " + config.url() + ": " + rootMessage(e), e);
        }
        try {
            migrate(pool, config.url());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool);
    }

    /**
     * The URL Nudge really opens. An H2 file database gets three settings: a commit
     * is written before it returns, the auto-server lets other `nudge` processes
     * in, and each session keeps 64 parsed statements instead of 8 (a step of a
     * dispatch runs about a dozen, which re-parsed every one). It is also opened through H2's {@code async:} file system:
     * with the default one, a thread interrupted during a write closes the file
     * channel and H2 stops working until restarted.
     */
    static String jdbcUrl(String url) {
        String prefix = "jdbc:h2:file:";
        if (!url.startsWith(prefix)) {
            return url;
        }
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder("jdbc:h2:async:").append(url.substring(prefix.length()));
        for (String setting : H2_FILE_SETTINGS.substring(1).split(";")) {
            String key = setting.substring(0, setting.indexOf('=') + 1);
            if (!upper.contains(";" + key)) {
                out.append(';').append(setting);
            }
        }
        return out.toString();
    }

    /** Our tables are shared SQL; Quartz's differ by database, so each has its own folder. */
    private static void migrate(DataSource dataSource, String url) {
        String vendor = url.startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/" + vendor)
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            try {
                T result = work.run(new Tx(connection));
                connection.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new NudgeException("Database error: " + e.getMessage(), e);
        }
    }

    /** Like {@link #inTransaction} for work with no result. */
    public void run(VoidWork work) {
        inTransaction(tx -> {
            work.run(tx);
            return null;
        });
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    @FunctionalInterface
    public interface VoidWork {
        void run(Tx tx) throws SQLException;
    }
}
