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
import java.util.Collection;
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

    /**
     * Runs one statement for many rows as a JDBC batch; each row gives its own
     * names and values. Far cheaper than a statement per row for imports.
     */
    public void batch(String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        NamedSql named = NamedSql.parse(sql);
        try (PreparedStatement st = connection.prepareStatement(named.jdbcSql())) {
            for (Object[] row : rows) {
                bind(st, named, row);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** Like {@link #batch}, returning each row's generated {@code id}, in the order of the rows. */
    public List<Long> batchInsert(String sql, List<Object[]> rows) throws SQLException {
        List<Long> ids = new ArrayList<>(rows.size());
        if (rows.isEmpty()) {
            return ids;
        }
        NamedSql named = NamedSql.parse(sql);
        try (PreparedStatement st = connection.prepareStatement(named.jdbcSql(), new String[] {"id"})) {
            for (Object[] row : rows) {
                bind(st, named, row);
                st.addBatch();
            }
            st.executeBatch();
            try (ResultSet keys = st.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
        }
        if (ids.size() != rows.size()) {
            throw new SQLException("Expected " + rows.size() + " generated ids, got " + ids.size() + " for: " + sql);
        }
        return ids;
    }

    /**
     * {@code values} in slices of {@code size}, for IN lists: a database checks
     * each row against the whole list, so a thousand values cost a million comparisons.
     */
    public static <E> List<List<E>> slices(Collection<E> values, int size) {
        List<E> all = List.copyOf(values);
        List<List<E>> slices = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            slices.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return slices;
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

    /**
     * Runs a query. A parameter whose value is a {@link Collection} stands for
     * a list, as in {@code WHERE email IN (:emails)}, one placeholder per element
     * (an empty one matches nothing).
     */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... namesAndValues) throws SQLException {
        NamedSql named = NamedSql.parse(sql);
        Object[] values = new Object[named.names().size()];
        int[] counts = new int[values.length];
        boolean lists = false;
        for (int i = 0; i < values.length; i++) {
            values[i] = valueOf(named.names().get(i), namesAndValues);
            counts[i] = values[i] instanceof Collection<?> c ? Math.max(1, c.size()) : 1;
            lists |= values[i] instanceof Collection<?>;
        }
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Parameters come as name, value pairs");
        }
        try (PreparedStatement st = connection.prepareStatement(lists ? named.jdbcSql(counts) : named.jdbcSql())) {
            int index = 1;
            for (Object value : values) {
                if (value instanceof Collection<?> c) {
                    for (Object element : c.isEmpty() ? java.util.Collections.singletonList(null) : c) {
                        bindOne(st, index++, element);
                    }
                } else {
                    bindOne(st, index++, value);
                }
            }
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
