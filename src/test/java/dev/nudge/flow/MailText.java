package dev.nudge.flow;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The text/plain part of a received message, and messages the flow tests deliver. */
final class MailText {

    private MailText() {
    }

    /** Ada's challenge-response filter answering our message {@code inReplyTo} (with angle brackets). */
    static String challengeFromAda(String inReplyTo) {
        return """
                From: Ada Lovelace <ada@analytical.test>
                To: me@work.test
                Subject: RE: Thanks for your time, Ada [Please verify]
                Date: Wed, 4 Mar 2026 09:00:00 +0000
                Message-ID: <cr-1@boxbe.test>
                In-Reply-To: %s
                Auto-Submitted: auto-replied
                X-Boxbe-Challenge: yes
                Content-Type: text/plain

                I use a challenge-response spam filter. Please verify you are a real person
                by clicking the link below so that your message can be delivered.
                """.formatted(inReplyTo);
    }

    static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
