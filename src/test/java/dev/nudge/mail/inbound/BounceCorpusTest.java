package dev.nudge.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every message of the Mail::DeliveryStatus::BounceParser corpus against what the
 * corpus README says it is. CI has the corpus; without it these tests are skipped.
 */
class BounceCorpusTest {

    static final Path CORPUS = Path.of("../shared/corpus/bounces-rjbs");

    static final Set<String> AUTO_REPLIES = Set.of("aol-vacation.msg", "polish-autoreply.msg", "autoreply.msg");
    static final Set<String> CHALLENGES = Set.of("boxbe-cr.msg", "boxbe-cr2.msg", "bluebottle.msg");
    static final Pattern HARD = Pattern.compile(".*unknown.*|doesnotexist.*|no-such-domain\\.msg|nomailbox\\.msg"
            + "|rcpt-dne\\.msg|deactivated-mailbox\\.msg|user-unknown-.*|.*host-unknown.*");
    static final Pattern SOFT = Pattern.compile("quota.*|message-too-large.*|spam-.*|junkemailfilter\\.msg"
            + "|relaying-denied\\.msg|not-a-relay\\.msg|rcpthosts\\.msg|aol-senderblock\\.msg");

    record Listed(MessageKind kind, String why) {
    }

    // Where the README's "everything else is a bounce" does not hold, and what we say instead.
    static final Map<String, Listed> EXCEPTIONS = Map.of(
            "spam-bogus-email-in-report.msg", new Listed(MessageKind.UNRELATED,
                    "plain spam, not a bounce: BounceParser's own test expects no report"),
            "spam-lots-of-bogus-addresses.msg", new Listed(MessageKind.UNRELATED,
                    "plain spam, not a bounce: BounceParser's own test expects no report"),
            "spam-with-badly-parsed-email.msg", new Listed(MessageKind.UNRELATED,
                    "plain spam, not a bounce: BounceParser's own test expects no report"),
            "spam-with-image.msg", new Listed(MessageKind.HUMAN_REPLY,
                    "spam with a bare \"Re:\" subject; only matching its thread to ours can tell it from a person"),
            "warning-6.msg", new Listed(MessageKind.AUTO_REPLY,
                    "a Lotus Notes out-of-office (\"AUTO: ... is out of the office\"), not a bounce"),
            "warning-8.msg", new Listed(MessageKind.DELIVERY_NOTICE,
                    "a report with Action: delayed: the message is still being retried, nothing failed yet"),
            "whitelist.msg", new Listed(MessageKind.BOUNCE,
                    "a failed report of a real SMTP 550 (\"requires confirmation\"): a soft bounce, never a reply"));

    private final Classifier classifier = new Classifier(Set.of());

    @Test
    void every_message_gets_the_kind_and_severity_the_corpus_readme_gives() throws IOException {
        List<Path> files = corpus();
        assertThat(files).hasSize(128);
        Map<String, int[]> byReadmeKind = new TreeMap<>();
        int[] severity = new int[2];
        List<String> wrong = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Verdict v = classifier.classify(Files.readAllBytes(file));
            int[] tally = byReadmeKind.computeIfAbsent(readmeKind(name), k -> new int[3]);
            tally[0]++;
            tally[EXCEPTIONS.containsKey(name) ? 2 : 1]++;
            if (v.kind() != expectedKind(name)) {
                wrong.add(name + ": " + v.kind() + " (expected " + expectedKind(name) + ") " + v.reason());
            }
            BounceType severityExpected = expectedSeverity(name);
            if (v.kind() == MessageKind.BOUNCE && severityExpected != null) {
                severity[1]++;
                if (v.bounce() == severityExpected) {
                    severity[0]++;
                } else {
                    wrong.add(name + ": " + v.bounce() + " (expected " + severityExpected + ") " + v.reason());
                }
            }
        }
        printFigures(byReadmeKind, severity, wrong.size());
        assertThat(wrong).isEmpty();
    }

    @Test
    void standard_reports_yield_the_failed_recipient_and_status() throws IOException {
        for (Path file : corpus()) {
            String raw = Files.readString(file, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            Verdict v = classifier.classify(Files.readAllBytes(file));
            if (v.kind() == MessageKind.BOUNCE && raw.contains("message/delivery-status")) {
                assertThat(v.recipient()).as(file.getFileName().toString()).contains("@");
                assertThat(v.status()).as(file.getFileName().toString()).matches("[245]\\.\\d{1,3}\\.\\d{1,3}");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            aol.unknown.msg              | recipient@example.net        | 5.1.1 | 200606062115.k56LFe7d012436@somehost.example.com
            postfix-smtp-550.msg         | luser@otherhost.invalid      | 5.1.1 | 200606062135.k56LZFWj016815@somehost.example.com
            sendmail-host-unknown.msg    | recipient@#example.net       | 5.1.2 | 200601310315.k0V3F5oR030793@somehost.example.com
            quota-2.msg                  | junkmail@b.c                 | 4.0.0 | 20100318150939.4C2ACC302AD@server4.example.co.uk
            spam-rejection15.msg         | gf@sample.co.uk              | 5.0.0 | 20110730140610.40F186510F5@admin1.example.co.uk
            qmail.unknown.msg            | recipient@example.net        | 5.1.1 | 200608282008.k7SK8Bbu032023@somehost.example.com
            non-autoreply.msg            | hbsdpphvfex@blackwebportal.com | -   | 200607250935.k6P9Zdos034419@bacchus.thegestalt.org
            exchange.unknown.msg         | recipient@example.net        | -     | 200602150853.k1F8rvvX006268@somehost.example.com
            warning-7.msg                | fred@mailgrp1.a.b.c          | 5.2.2 | 20100406233824.78950B58223@server2.example.co.uk
            """)
    void a_bounce_names_the_address_the_status_and_our_original_message(String file, String recipient, String status,
            String originalId) throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present at " + CORPUS.toAbsolutePath());
        Verdict v = classifier.classify(Files.readAllBytes(CORPUS.resolve(file)));

        assertThat(v.kind()).isEqualTo(MessageKind.BOUNCE);
        assertThat(v.recipient()).isEqualTo(recipient);
        assertThat(v.status()).isEqualTo(status);
        assertThat(v.originalMessageId()).isEqualTo(originalId);
    }

    @Test
    void auto_replies_in_the_corpus_read_their_return_dates() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present at " + CORPUS.toAbsolutePath());
        // "away until 05/07/2010", sent 5 July 2010: back the day after.
        assertThat(classifier.classify(Files.readAllBytes(CORPUS.resolve("aol-vacation.msg"))).returnDate())
                .hasToString("2010-07-06");
        // "(returning 05/01/2010)", sent 4 January 2010.
        assertThat(classifier.classify(Files.readAllBytes(CORPUS.resolve("warning-6.msg"))).returnDate())
                .hasToString("2010-01-05");
    }

    private static List<Path> corpus() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present at " + CORPUS.toAbsolutePath());
        try (Stream<Path> list = Files.list(CORPUS)) {
            return list.filter(p -> p.toString().endsWith(".msg")).sorted().toList();
        }
    }

    private static String readmeKind(String name) {
        if (AUTO_REPLIES.contains(name)) {
            return "auto_reply";
        }
        if (CHALLENGES.contains(name)) {
            return "challenge";
        }
        return name.equals("whitelist.msg") ? "not a bounce, not a reply" : "bounce";
    }

    private static MessageKind expectedKind(String name) {
        if (EXCEPTIONS.containsKey(name)) {
            return EXCEPTIONS.get(name).kind();
        }
        if (AUTO_REPLIES.contains(name)) {
            return MessageKind.AUTO_REPLY;
        }
        return CHALLENGES.contains(name) ? MessageKind.CHALLENGE : MessageKind.BOUNCE;
    }

    private static BounceType expectedSeverity(String name) {
        if (name.equals("whitelist.msg")) {
            return BounceType.SOFT;
        }
        return HARD.matcher(name).matches() ? BounceType.HARD : SOFT.matcher(name).matches() ? BounceType.SOFT : null;
    }

    private static void printFigures(Map<String, int[]> byReadmeKind, int[] severity, int wrong) {
        StringBuilder out = new StringBuilder("\nBounce corpus " + CORPUS + ": README kind, files, as README, listed exceptions\n");
        byReadmeKind.forEach((kind, t) -> out.append(String.format("  %-26s %3d %3d %3d%n", kind, t[0], t[1], t[2])));
        out.append(String.format("  hard/soft as README names  %d of %d bounces; mismatches: %d%n", severity[0], severity[1],
                wrong));
        new TreeMap<>(EXCEPTIONS).forEach((file, e) -> out.append(String.format("  exception %-34s %-16s %s%n", file,
                e.kind().jsonName(), e.why())));
        System.out.print(out);
    }
}
