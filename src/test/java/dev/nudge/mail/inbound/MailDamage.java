package dev.nudge.mail.inbound;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Ways real mail arrives broken: cut short, bytes flipped, lines lost or doubled, boundaries wrong. */
public final class MailDamage {

    private MailDamage() {
    }

    public static byte[] apply(byte[] original, Random random) {
        byte[] out = original.clone();
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            out = switch (random.nextInt(7)) {
                case 0 -> java.util.Arrays.copyOf(out, random.nextInt(out.length + 1));
                case 1 -> flip(out, random);
                case 2 -> splice(out, random, "\r\n--".getBytes(StandardCharsets.US_ASCII));
                case 3 -> splice(out, random, "\nContent-Type: multipart/mixed; boundary=\"\"\n\n"
                        .getBytes(StandardCharsets.US_ASCII));
                case 4 -> splice(out, random, "=?utf-8?B?////?= =?x-unknown?Q?=FF=?=\n"
                        .getBytes(StandardCharsets.US_ASCII));
                case 5 -> splice(out, random, ">".repeat(5000).getBytes(StandardCharsets.US_ASCII));
                default -> nested(out, random.nextInt(60));
            };
        }
        return out;
    }

    private static byte[] flip(byte[] in, Random random) {
        byte[] out = in.clone();
        for (int i = 0; i < 1 + out.length / 200 && out.length > 0; i++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    private static byte[] splice(byte[] in, Random random, byte[] insert) {
        int at = in.length == 0 ? 0 : random.nextInt(in.length);
        byte[] out = new byte[in.length + insert.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(in, at, out, at + insert.length, in.length - at);
        return out;
    }

    private static byte[] nested(byte[] body, int depth) {
        StringBuilder head = new StringBuilder("From: x@y.test\nSubject: Re: deep\nMIME-Version: 1.0\n");
        for (int i = 0; i < depth; i++) {
            head.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\n\n--b").append(i)
                    .append('\n');
        }
        byte[] prefix = head.append("Content-Type: message/rfc822\n\n").toString()
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(body, 0, out, prefix.length, body.length);
        return out;
    }
}
