package dev.nudge.mail.inbound;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads raw mail into {@link MailContent} without ever giving up on the whole message:
 * a part with a bad charset, a broken multipart or an unknown encoding is skipped and
 * noted, and the rest is still read. Text is capped so a huge message costs little.
 */
final class MailReader {

    static final int TEXT_LIMIT = 200 * 1024;
    private static final int HEADER_LIMIT = 64 * 1024;
    private static final int MULTIPART_LIMIT = 16 * 1024 * 1024;
    private static final int MAX_DEPTH = 8;
    private static final int MAX_PARTS = 200;
    private static final Pattern BASE_TYPE = Pattern.compile("^\\s*([\\w.+-]+/[\\w.+-]+)");

    private final StringBuilder text = new StringBuilder();
    private final List<DeliveryStatus> statuses = new ArrayList<>();
    private final Map<String, String> feedback = new LinkedHashMap<>();
    private final Map<String, String> disposition = new LinkedHashMap<>();
    private final List<InboundEmail> originals = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private int parts;

    private MailReader() {
    }

    static MailContent read(byte[] raw) throws MessagingException {
        Properties props = new Properties();
        props.setProperty("mail.mime.address.strict", "false");
        // RFC 6532 lets headers carry raw UTF-8; read as Latin-1 an "é" in a subject would not match.
        props.setProperty("mail.mime.allowutf8", "true");
        MimeMessage message = new MimeMessage(Session.getInstance(props), new ByteArrayInputStream(raw));
        InboundEmail headers = InboundEmails.fromMessage(0, message);
        String contentType = headers.header("Content-Type");
        MailReader reader = new MailReader();
        reader.part(message, 0);
        String reportType = parameter(contentType, "report-type");
        return new MailContent(headers, baseType(contentType),
                reportType == null ? null : reportType.toLowerCase(Locale.ROOT),
                reader.text.toString(), List.copyOf(reader.statuses), Map.copyOf(reader.feedback),
                Map.copyOf(reader.disposition), List.copyOf(reader.originals), List.copyOf(reader.skipped));
    }

    private void part(MimePart part, int depth) {
        if (++parts > MAX_PARTS || depth > MAX_DEPTH) {
            return;
        }
        String contentType = header(part, "Content-Type");
        String type = baseType(contentType);
        try {
            if (type.startsWith("multipart/")) {
                multipart(part, type, contentType, depth);
            } else if (type.endsWith("delivery-status")) {
                statuses.add(DeliveryStatus.parse(decode(bytes(part, TEXT_LIMIT), contentType)));
            } else if (type.equals("message/feedback-report")) {
                ReportFields.merged(decode(bytes(part, TEXT_LIMIT), contentType)).forEach(feedback::putIfAbsent);
            } else if (type.endsWith("disposition-notification")) {
                ReportFields.merged(decode(bytes(part, TEXT_LIMIT), contentType)).forEach(disposition::putIfAbsent);
            } else if (type.equals("message/rfc822") || type.equals("message/global")
                    || type.contains("rfc822-header")) {
                originals.add(originalHeaders(bytes(part, HEADER_LIMIT)));
            } else if (type.equals("text/plain") || type.equals("text/html")) {
                String body = decode(bytes(part, TEXT_LIMIT), contentType);
                addText(type.equals("text/html") ? HtmlText.toText(body) : body);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            skipped.add(type + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    // Built from the boundary alone: mail systems write Content-Type parameters that
    // strict parsing rejects (a folded header swallowed into the boundary, stray quotes).
    private void multipart(MimePart part, String type, String contentType, int depth)
            throws MessagingException, IOException {
        String boundary = parameter(contentType, "boundary");
        String clean = type + (boundary == null ? "" : "; boundary=\"" + boundary.replace("\"", "") + "\"");
        MimeMultipart multipart = new MimeMultipart(new ByteArrayDataSource(bytes(part, MULTIPART_LIMIT), clean));
        int count = multipart.getCount();
        for (int i = 0; i < count; i++) {
            part((MimeBodyPart) multipart.getBodyPart(i), depth + 1);
        }
    }

    private void addText(String body) {
        int room = TEXT_LIMIT - text.length();
        if (room <= 0) {
            return;
        }
        text.append(body, 0, Math.min(body.length(), room)).append('\n');
    }

    private static InboundEmail originalHeaders(byte[] bytes) throws MessagingException {
        InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(bytes), true);
        Enumeration<Header> all = headers.getAllHeaders();
        return InboundEmails.fromHeaders(0, bytes.length, all);
    }

    // Decoded bytes; when the transfer encoding is unknown or broken, the raw bytes still say something.
    private static byte[] bytes(MimePart part, int limit) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes(limit);
        } catch (MessagingException | IOException e) {
            try (InputStream raw = rawStream(part)) {
                return raw.readNBytes(limit);
            }
        }
    }

    private static InputStream rawStream(MimePart part) throws MessagingException {
        if (part instanceof MimeBodyPart body) {
            return body.getRawInputStream();
        }
        return ((MimeMessage) part).getRawInputStream();
    }

    static String decode(byte[] bytes, String contentType) {
        String name = parameter(contentType, "charset");
        if (name != null) {
            try {
                return new String(bytes, Charset.forName(MimeUtility.javaCharset(name)));
            } catch (RuntimeException unknownCharset) {
                // Fall through: guess below.
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static String header(MimePart part, String name) {
        try {
            return part.getHeader(name, null);
        } catch (MessagingException e) {
            return null;
        }
    }

    // The media type of a Content-Type value, lower case; text/plain when absent or unreadable (RFC 2045).
    static String baseType(String contentType) {
        Matcher m = BASE_TYPE.matcher(contentType == null ? "" : contentType);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "text/plain";
    }

    // A Content-Type parameter as written (quotes removed), or null.
    static String parameter(String contentType, String name) {
        if (contentType == null) {
            return null;
        }
        Matcher m = Pattern.compile("(?i);\\s*" + Pattern.quote(name) + "\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))")
                .matcher(contentType);
        return !m.find() ? null : m.group(1) != null ? m.group(1) : m.group(2);
    }
}
