package dev.nudge.enrollment;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 describes it: quoted fields, doubled quotes, line
 * breaks inside quotes, CRLF or LF; plus what spreadsheets write in practice:
 * a UTF-8 byte order mark, and a semicolon or tab instead of the comma, told
 * apart by the header line. Each record keeps the line it starts on, so a
 * problem can be reported where the user will look for it.
 */
final class CsvReader {

    /** One record; {@code problem} is set when its quoting is broken, and its fields are then as far as read. */
    record Row(long line, List<String> fields, String problem) {
    }

    private static final int EOF = -1;

    private final Reader in;
    private final char delimiter;
    private final StringBuilder field = new StringBuilder();
    private long line = 1;
    private int pending = -2;

    private CsvReader(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** Opens {@code in}, dropping a byte order mark and choosing the separator from the first line. */
    static CsvReader open(Reader in) throws IOException {
        java.io.PushbackReader pushback = new java.io.PushbackReader(in, 8192);
        char[] head = new char[8192];
        int n = pushback.read(head, 0, head.length);
        int start = n > 0 && head[0] == '\uFEFF' ? 1 : 0;
        char delimiter = n <= 0 ? ',' : delimiterOf(head, start, n);
        if (n > start) {
            pushback.unread(head, start, n - start);
        }
        return new CsvReader(pushback, delimiter);
    }

    /** The separator used most often outside quotes on the first line: comma, semicolon or tab. */
    static char delimiterOf(char[] text, int from, int to) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    char delimiter() {
        return delimiter;
    }

    /** The next record, skipping blank lines; null at the end. */
    Row next() throws IOException {
        while (true) {
            int c = peek();
            if (c == EOF) {
                return null;
            }
            if (c == '\r' || c == '\n') {
                endOfLine();
                continue;
            }
            return record();
        }
    }

    private Row record() throws IOException {
        long start = line;
        List<String> fields = new ArrayList<>();
        String problem = null;
        while (true) {
            String fieldProblem = field();
            fields.add(field.toString());
            if (fieldProblem != null && problem == null) {
                problem = fieldProblem;
            }
            int c = read();
            if (c == delimiter) {
                continue;
            }
            if (c == '\r' || c == '\n') {
                unread(c);
                endOfLine();
            }
            return new Row(start, fields, problem);
        }
    }

    /** Reads one field into {@code field}; stops before the separator or the line end. */
    private String field() throws IOException {
        field.setLength(0);
        if (peek() != '"') {
            int c;
            while ((c = read()) != EOF && c != delimiter && c != '\r' && c != '\n') {
                field.append((char) c);
            }
            unread(c);
            return null;
        }
        read();
        long opened = line;
        while (true) {
            int c = read();
            if (c == EOF) {
                return "a quoted field opened on line " + opened + " is never closed";
            }
            if (c == '"') {
                if (peek() != '"') {
                    break;
                }
                read();
            } else if (c == '\n' || (c == '\r' && peek() != '\n')) {
                line++;
            }
            field.append((char) c);
        }
        return afterClosingQuote();
    }

    /** Only a separator or a line end may follow a closing quote; anything else is kept and reported. */
    private String afterClosingQuote() throws IOException {
        String problem = null;
        int c;
        while ((c = read()) != EOF && c != delimiter && c != '\r' && c != '\n') {
            field.append((char) c);
            problem = "text after the closing quote of a field";
        }
        unread(c);
        return problem;
    }

    private void endOfLine() throws IOException {
        int c = read();
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    private int peek() throws IOException {
        if (pending == -2) {
            pending = in.read();
        }
        return pending;
    }

    private int read() throws IOException {
        int c = peek();
        pending = -2;
        return c;
    }

    private void unread(int c) {
        pending = c;
    }
}
