package dev.nudge.mail.inbound;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Parses raw RFC 5322 text the way a message read from a file or a server is parsed. */
final class Messages {

    private Messages() {
    }

    static MimeMessage parse(String raw) {
        return parse(new ByteArrayInputStream(raw(raw)));
    }

    /** The text as it travels: CRLF line ends, UTF-8. */
    static byte[] raw(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static MimeMessage parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InboundEmail inbound(String raw) {
        return convert(parse(raw));
    }

    static InboundEmail inbound(Path file) {
        return convert(parse(file));
    }

    private static MimeMessage parse(InputStream in) {
        try {
            return new MimeMessage(null, in);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InboundEmail convert(MimeMessage message) {
        try {
            return InboundEmails.fromMessage(1, message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
