package dev.nudge.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL with {@code :name} parameters turned into JDBC's {@code ?} placeholders.
 * {@code marks} are where each placeholder stands in {@code jdbcSql}, so that a
 * parameter given a list can become {@code ?, ?, ?} for an IN list.
 */
record NamedSql(String jdbcSql, List<String> names, List<Integer> marks) {

    private static final Map<String, NamedSql> CACHE = new ConcurrentHashMap<>();

    static NamedSql parse(String sql) {
        return CACHE.computeIfAbsent(sql, NamedSql::translate);
    }

    private static NamedSql translate(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        List<Integer> marks = new ArrayList<>();
        boolean inString = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                inString = !inString;
            }
            boolean startsName = !inString && c == ':' && i + 1 < sql.length()
                    && Character.isJavaIdentifierStart(sql.charAt(i + 1))
                    && (i == 0 || sql.charAt(i - 1) != ':');
            if (!startsName) {
                out.append(c);
                continue;
            }
            int end = i + 1;
            while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                end++;
            }
            names.add(sql.substring(i + 1, end));
            marks.add(out.length());
            out.append('?');
            i = end - 1;
        }
        return new NamedSql(out.toString(), List.copyOf(names), List.copyOf(marks));
    }

    /** The JDBC SQL with the i-th placeholder repeated {@code counts[i]} times, comma-separated. */
    String jdbcSql(int[] counts) {
        StringBuilder out = new StringBuilder(jdbcSql.length() + 3 * sum(counts));
        int from = 0;
        for (int i = 0; i < marks.size(); i++) {
            int mark = marks.get(i);
            out.append(jdbcSql, from, mark);
            for (int k = 0; k < counts[i]; k++) {
                out.append(k == 0 ? "?" : ", ?");
            }
            from = mark + 1;
        }
        return out.append(jdbcSql, from, jdbcSql.length()).toString();
    }

    private static int sum(int[] counts) {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        return n;
    }
}
