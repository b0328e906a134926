package dev.nudge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One open transaction. SQL uses named parameters ({@code :id}); values are
 * given as alternating names and values, so nulls are allowed.
 */
public final class Tx {

    private final Connection connection;

    Tx(Connection connection) {
        this.connection = connection;
    }

    public int update(String sql, Object... namesAndValues) throws SQLException {
        NamedSql named = NamedSql.parse(sql);
        try (PreparedStatement st = connection.prepareStatement(named.jdbcSql())) {
            bind(st, named, namesAndValues);
            return st.executeUpdate();
        }
    }

    /** Inserts one row and returns its generated {@code id}. */
    public long insert(String sql, Object... namesAndValues) throws SQLException {
        NamedSql named = NamedSql.parse(sql);
        try (PreparedStatement st = connection.prepareStatement(named.jdbcSql(), new String[] {"id"})) {
            bind(st, named, namesAndValues);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("No generated id for: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... namesAndValues) throws SQLException {
        NamedSql named = NamedSql.parse(sql);
        try (PreparedStatement st = connection.prepareStatement(named.jdbcSql())) {
            bind(st, named, namesAndValues);
            try (ResultSet rs = st.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... namesAndValues)
            throws SQLException {
        List<T> rows = query(sql, mapper, namesAndValues);
        if (rows.size() > 1) {
            throw new SQLException("Expected at most one row, got " + rows.size() + " for: " + sql);
        }
        return rows.stream().findFirst();
    }

    private static void bind(PreparedStatement st, NamedSql named, Object[] namesAndValues)
            throws SQLException {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Parameters come as name, value pairs");
        }
        for (int i = 0; i < named.names().size(); i++) {
            String name = named.names().get(i);
            bindOne(st, i + 1, valueOf(name, namesAndValues));
        }
    }

    private static Object valueOf(String name, Object[] namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (name.equals(namesAndValues[i])) {
                return namesAndValues[i + 1];
            }
        }
        throw new IllegalArgumentException("No value given for :" + name);
    }

    private static void bindOne(PreparedStatement st, int index, Object value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            st.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof Enum<?> e) {
            st.setString(index, e.name());
        } else {
            st.setObject(index, value);
        }
    }

    /** Reads a {@code TIMESTAMP WITH TIME ZONE} column as an Instant, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
