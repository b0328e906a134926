package dev.nudge.template;

import java.io.IOException;
import java.io.Writer;

// Collects rendered output up to a limit. A template with a runaway
// #list would otherwise fill the heap of the server that renders it.
final class LimitedWriter extends Writer {

    private final StringBuilder out = new StringBuilder();
    private final int limit;

    LimitedWriter(int limit) {
        this.limit = limit;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        ensureRoomFor(length);
        out.append(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        ensureRoomFor(length);
        out.append(text, offset, offset + length);
    }

    private void ensureRoomFor(int length) throws IOException {
        if (out.length() + length > limit) {
            throw new IOException("the output is larger than " + limit + " characters");
        }
    }

    @Override
    public void flush() {
        // Nothing is buffered outside the builder.
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
