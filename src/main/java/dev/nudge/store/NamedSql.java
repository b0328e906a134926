package dev.nudge.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** SQL with {@code :name} parameters turned into JDBC's {@code ?} placeholders. */
record NamedSql(String jdbcSql, List<String> names) {

    private static final Map<String, NamedSql> CACHE = new ConcurrentHashMap<>();

    static NamedSql parse(String sql) {
        return CACHE.computeIfAbsent(sql, NamedSql::translate);
    }

    private static NamedSql translate(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
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
            out.append('?');
            i = end - 1;
        }
        return new NamedSql(out.toString(), List.copyOf(names));
    }
}
