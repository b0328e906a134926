package dev.nudge.mail.inbound;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads the text of a raw message for {@link ReplyText}. Tolerant by design:
 * replies come from every mail client there is, and one broken part must not
 * stop the inbox sync, so whatever cannot be read is skipped.
 */
public final class MessageBodies {

    /** At most this many bytes of a part are read: a reply's own words are never that long. */
    static final int MAX_BYTES = 200 * 1024;

    // A message nests parts a few levels deep; more is a malformed or hostile message.
    private static final int MAX_DEPTH = 8;
    private static final int MAX_PARTS = 100;

    private MessageBodies() {
    }

    /**
     * The best plain text of a raw RFC 822 message: its text/plain part, else its text/html part turned into
     * text (tags dropped, &lt;br&gt;/&lt;p&gt;/&lt;div&gt; as line breaks, entities decoded, &lt;blockquote&gt;
     * content prefixed with "&gt; " so it is cut as a quote), with line endings as \n. Attachments and attached
     * messages are not read.
     * Tolerant: a part with a bad charset or a broken multipart is skipped; reads at most 200 KB of text per
     * part. Never throws; returns "" when there is no text.
     */
    public static String plainText(byte[] rawMessage) {
        if (rawMessage == null || rawMessage.length == 0) {
            return "";
        }
        try {
            Properties props = new Properties();
            props.setProperty("mail.mime.address.strict", "false");
            // Bad base64 yields what it can rather than failing the part.
            props.setProperty("mail.mime.base64.ignoreerrors", "true");
            MimeMessage message = new MimeMessage(Session.getInstance(props), new ByteArrayInputStream(rawMessage));
            Texts found = new Texts();
            collect(message, 0, found);
            if (found.plain != null) {
                return found.plain.replace("\r\n", "\n").replace('\r', '\n');
            }
            return found.html == null ? "" : HtmlText.toText(found.html);
        } catch (MessagingException | RuntimeException e) {
            return "";
        }
    }

    // The first readable text/plain and text/html parts, in document order.
    private static final class Texts {
        String plain;
        String html;
        int parts;
    }

    private static void collect(Part part, int depth, Texts found) {
        if (depth > MAX_DEPTH || found.parts++ > MAX_PARTS || found.plain != null) {
            return;
        }
        try {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount() && found.plain == null; i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child, depth + 1, found);
                }
            } else if (part.isMimeType("text/plain")) {
                found.plain = read(part).orElse(null);
            } else if (part.isMimeType("text/html") && found.html == null) {
                found.html = read(part).orElse(null);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            // A broken part says nothing we can use; its siblings may.
        }
    }

    private static Optional<String> read(Part part) throws MessagingException, IOException {
        String declared = new ContentType(part.getContentType()).getParameter("charset");
        if (declared == null || declared.isBlank()) {
            return Optional.of(unlabelled(bytes(part)));
        }
        Optional<Charset> charset = known(declared.strip());
        return charset.isEmpty() ? Optional.empty() : Optional.of(new String(bytes(part), charset.get()));
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes(MAX_BYTES);
        }
    }

    // Empty when Java does not know the name: decoding with a guess would turn the text into nonsense
    // the trimmer cannot read, and the other alternative of the message may be labelled better.
    private static Optional<Charset> known(String name) {
        try {
            return Optional.of(Charset.forName(MimeUtility.javaCharset(name)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // Unlabelled text is mostly UTF-8 today; when it is not valid UTF-8 it is most often Windows-1252.
    private static String unlabelled(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }
}
