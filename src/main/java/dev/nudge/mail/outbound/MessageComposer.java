package dev.nudge.mail.outbound;

import dev.nudge.NudgeException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

/** Turns an {@link OutgoingEmail} into the MIME message that goes on the wire. */
final class MessageComposer {

    private static final String UTF_8 = "UTF-8";

    private MessageComposer() {
    }

    // Refuses any header text with CR, LF or NUL. Runs before the connection
    // is touched, so a bad value never reaches the server.
    private static void check(OutgoingEmail email) {
        HeaderValues.requireSingleLine("from address", email.fromAddress());
        HeaderValues.requireSingleLine("from name", email.fromName());
        HeaderValues.requireSingleLine("to address", email.toAddress());
        HeaderValues.requireSingleLine("to name", email.toName());
        HeaderValues.requireSingleLine("subject", email.subject());
        HeaderValues.requireSingleLine("message id", email.messageId());
        HeaderValues.requireSingleLine("in-reply-to", email.inReplyTo());
        for (String ref : references(email)) {
            HeaderValues.requireSingleLine("references", ref);
        }
        if (email.messageId() == null || email.messageId().isBlank()) {
            throw new NudgeException.InvalidInput("message id is required: it was chosen before sending");
        }
    }

    static MimeMessage compose(Session session, OutgoingEmail email, Instant sentAt) {
        check(email);
        try {
            MimeMessage message = new FixedIdMessage(session, bracketed(email.messageId()));
            message.setFrom(address("from address", email.fromAddress(), email.fromName()));
            message.setRecipient(MimeMessage.RecipientType.TO,
                    address("to address", email.toAddress(), email.toName()));
            message.setSubject(email.subject() == null ? "" : email.subject(), UTF_8);
            message.setSentDate(Date.from(sentAt));
            setThreading(message, email);
            message.setHeader("X-Mailer", "Nudge");
            setBody(message, email);
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new NudgeException("Could not build message (message id: " + email.messageId() + ")", e);
        }
    }

    private static void setThreading(MimeMessage message, OutgoingEmail email) throws MessagingException {
        if (email.inReplyTo() != null && !email.inReplyTo().isBlank()) {
            message.setHeader("In-Reply-To", bracketed(email.inReplyTo()));
        }
        List<String> refs = references(email);
        if (!refs.isEmpty()) {
            String joined = refs.stream().map(MessageComposer::bracketed).collect(Collectors.joining(" "));
            // A long thread would pass the 998-octet line limit; fold between ids.
            message.setHeader("References", MimeUtility.fold("References: ".length(), joined));
        }
    }

    private static void setBody(MimeMessage message, OutgoingEmail email) throws MessagingException {
        String text = email.textBody() == null ? "" : email.textBody();
        if (email.htmlBody() == null) {
            message.setText(text, UTF_8);
            return;
        }
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, UTF_8);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.htmlBody(), UTF_8, "html");
        message.setContent(new MimeMultipart("alternative", plain, html));
    }

    private static InternetAddress address(String field, String address, String name) {
        NudgeException invalid = new NudgeException.InvalidInput(field + " is not a valid email address: " + address);
        if (address == null || address.isBlank()) {
            throw invalid;
        }
        try {
            InternetAddress parsed = new InternetAddress(address.strip(), true);
            // A display name smuggled into the address field would override the one we set.
            if (!parsed.getAddress().equals(address.strip())) {
                throw invalid;
            }
            if (name != null && !name.isBlank()) {
                parsed.setPersonal(name, UTF_8);
            }
            return parsed;
        } catch (AddressException e) {
            throw invalid;
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private static List<String> references(OutgoingEmail email) {
        return email.references() == null ? List.of() : email.references();
    }

    private static String bracketed(String id) {
        return "<" + id.strip() + ">";
    }

    // Keeps our Message-ID: saveChanges() would otherwise replace it with a random one.
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
