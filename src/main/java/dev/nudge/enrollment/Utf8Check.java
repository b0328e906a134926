package dev.nudge.enrollment;

import dev.nudge.NudgeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An import file must be UTF-8 throughout. Checked in a first pass, so a file
 * saved in a legacy code page is refused before anything is enrolled rather
 * than half imported with garbled names.
 */
final class Utf8Check {

    private Utf8Check() {
    }

    static void require(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long line = 1;
        try (InputStream stream = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int n = stream.read(in.array(), in.position(), in.remaining());
                end = n < 0;
                in.position(in.position() + Math.max(n, 0));
                in.flip();
                CoderResult result = decoder.decode(in, out, end);
                out.flip();
                line += lineBreaks(out);
                if (result.isError()) {
                    throw new NudgeException.InvalidInput(file + " is not UTF-8 text (line " + line + "); save it"
                            + " as \"CSV UTF-8\" and import it again. Nothing was enrolled.");
                }
                out.clear();
                in.compact();
            }
        } catch (IOException e) {
            throw new NudgeException.InvalidInput("Cannot read " + file + ": " + e.getMessage());
        }
    }

    private static int lineBreaks(CharBuffer chars) {
        int n = 0;
        for (int i = chars.position(); i < chars.limit(); i++) {
            n += chars.get(i) == '\n' ? 1 : 0;
        }
        return n;
    }
}
