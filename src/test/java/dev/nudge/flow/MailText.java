package dev.nudge.flow;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The text/plain part of a received message. */
final class MailText {

    private MailText() {
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
