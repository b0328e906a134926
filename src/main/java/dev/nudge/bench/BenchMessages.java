package dev.nudge.bench;

import dev.nudge.NudgeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A realistic inbox: people's replies and new threads, newsletters,
 * notifications and out-of-office answers, 1-3 KB each, none from an enrolled
 * contact. Message {@code i} is always the same message.
 */
final class BenchMessages {

    private static final Instant FIRST = Instant.parse("2025-01-06T08:00:00Z");
    private static final String[] NAMES = {"Grace Hopper", "Alan Turing", "Katherine Johnson", "Edsger Dijkstra",
        "Barbara Liskov", "Donald Knuth", "Margaret Hamilton", "John Backus", "Frances Allen", "Ken Thompson"};
    private static final String[] TOPICS = {"the Q3 proposal", "our call on Thursday", "the pilot project",
        "invoice 2024-118", "the onboarding plan", "next week's workshop", "the contract draft", "pricing"};
    private static final String PARAGRAPH = "Thanks for sending this over. I went through it with the team this "
            + "morning and we have a few questions about the timeline and who would be involved on your side. "
            + "Could we find half an hour next week to go through them? Tuesday or Wednesday afternoon would "
            + "work best for us.\r\n";

    private BenchMessages() {
    }

    /** The RFC 822 bytes of message {@code i} to {@code to}. */
    static byte[] message(int i, String to) {
        Instant at = FIRST.plusSeconds(97L * i);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneOffset.UTC));
        String name = NAMES[i % NAMES.length];
        String from = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@company" + (i % 37) + ".test";
        String topic = TOPICS[i % TOPICS.length];
        StringBuilder m = new StringBuilder()
                .append("Return-Path: <").append(from).append(">\r\n")
                .append("Received: from mx").append(i % 7).append(".company").append(i % 37)
                .append(".test (mx.company.test [192.0.2.").append(i % 250).append("])\r\n\tby mail.bench.test with ESMTPS id ")
                .append(Integer.toHexString(i * 7919)).append(";\r\n\t").append(date).append("\r\n")
                .append("Date: ").append(date).append("\r\n")
                .append("To: ").append(to).append("\r\n")
                .append("Message-ID: <bench.").append(i).append('.').append(at.getEpochSecond()).append("@company")
                .append(i % 37).append(".test>\r\n")
                .append("MIME-Version: 1.0\r\n")
                .append("Content-Type: text/plain; charset=UTF-8\r\n");
        switch (i % 10) {
            case 0, 1, 2 -> reply(m, i, name, from, topic);
            case 3, 4, 5 -> newsletter(m, i, topic);
            case 6, 7 -> notification(m, i, topic);
            case 8 -> outOfOffice(m, name, from, topic);
            default -> newThread(m, name, from, topic);
        }
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void reply(StringBuilder m, int i, String name, String from, String topic) {
        m.append("From: ").append(name).append(" <").append(from).append(">\r\n")
                .append("Subject: Re: ").append(topic).append("\r\n")
                .append("In-Reply-To: <thread.").append(i / 3).append("@mail.bench.test>\r\n")
                .append("References: <thread.").append(i / 3).append("@mail.bench.test>\r\n\r\n")
                .append("Hi,\r\n\r\n").append(PARAGRAPH).append("\r\nBest,\r\n").append(name).append("\r\n\r\n")
                .append("On Mon, 6 Jan 2025 at 09:12, Bench User <user@bench.test> wrote:\r\n")
                .append("> Here is ").append(topic).append(" as promised. Let me know what you think.\r\n")
                .append("> It should cover everything we discussed.\r\n");
    }

    private static void newsletter(StringBuilder m, int i, String topic) {
        m.append("From: Weekly Digest <news@lists.example.test>\r\n")
                .append("Subject: This week: ").append(topic).append(" and 9 more stories\r\n")
                .append("List-Id: Weekly Digest <digest.lists.example.test>\r\n")
                .append("List-Unsubscribe: <https://lists.example.test/u/").append(i).append(">\r\n")
                .append("Precedence: bulk\r\n\r\n");
        for (int k = 0; k < 6; k++) {
            m.append("* Story ").append(k + 1).append(": what we learned about ").append(topic)
                    .append(" this week, and why it matters for teams of every size.\r\n");
        }
        m.append("\r\nYou get this because you subscribed. Unsubscribe: https://lists.example.test/u/").append(i)
                .append("\r\n");
    }

    private static void notification(StringBuilder m, int i, String topic) {
        m.append("From: Tracker <noreply@tracker.example.test>\r\n")
                .append("Subject: [Tracker] Ticket #").append(1000 + i).append(" updated: ").append(topic)
                .append("\r\n")
                .append("Auto-Submitted: auto-generated\r\n\r\n")
                .append("Ticket #").append(1000 + i).append(" was updated.\r\n\r\nStatus: in progress\r\n")
                .append("Assignee: Bench User\r\n\r\nView it at https://tracker.example.test/t/").append(1000 + i)
                .append("\r\n");
    }

    private static void outOfOffice(StringBuilder m, String name, String from, String topic) {
        m.append("From: ").append(name).append(" <").append(from).append(">\r\n")
                .append("Subject: Automatic reply: ").append(topic).append("\r\n")
                .append("Auto-Submitted: auto-replied\r\n\r\n")
                .append("I am out of the office until 20 January 2025 with limited access to email.\r\n")
                .append("For urgent matters please contact the office.\r\n");
    }

    private static void newThread(StringBuilder m, String name, String from, String topic) {
        m.append("From: ").append(name).append(" <").append(from).append(">\r\n")
                .append("Subject: Question about ").append(topic).append("\r\n\r\n")
                .append("Hello,\r\n\r\n").append(PARAGRAPH).append(PARAGRAPH).append("\r\nThanks,\r\n")
                .append(name).append("\r\n");
    }

    /** Writes messages {@code first} to {@code first + count - 1} into {@code maildir/cur}, read. */
    static void fill(Path maildir, String to, int first, int count) {
        try {
            for (int i = first; i < first + count; i++) {
                byte[] m = message(i, to);
                String name = (FIRST.getEpochSecond() + 97L * i) + ".M" + i + "P1.bench,S=" + m.length + ":2,S";
                Files.write(maildir.resolve("cur").resolve(name), m);
            }
        } catch (IOException e) {
            throw new NudgeException("Cannot write the bench Maildir " + maildir + ": " + e.getMessage(), e);
        }
    }
}
