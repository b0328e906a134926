package dev.nudge.mail.outbound;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Our own Message-IDs, chosen before a send and stored with it. They are
 * random, so a Message-ID says nothing guessable about the contact.
 */
public final class MessageIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MessageIds() {
    }

    /** A new id (without angle brackets) in the domain of the sending address. */
    public static String create(String fromAddress) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String domain = fromAddress.substring(fromAddress.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return "nudge." + HexFormat.of().formatHex(bytes) + "@" + domain;
    }
}
