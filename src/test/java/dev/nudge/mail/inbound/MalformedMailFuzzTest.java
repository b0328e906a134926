package dev.nudge.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded random damage to real messages, fed to everything that reads an
 * incoming message. Nothing may throw: one bad message must never stop the
 * inbox sync. The seed is printed so a failure can be replayed.
 */
class MalformedMailFuzzTest {

    private static final int CASES = 2000;
    private static final long SEED = Long.getLong("nudge.fuzz.seed", 20261123L);

    @Test
    void damaged_messages_never_make_the_readers_throw() throws IOException {
        List<byte[]> seeds = seeds();
        Random random = new Random(SEED);
        Classifier classifier = new Classifier(Set.of("me@work.test"));
        for (int i = 0; i < CASES; i++) {
            byte[] damaged = MailDamage.apply(seeds.get(random.nextInt(seeds.size())), random);
            int n = i;
            assertThatCode(() -> {
                Verdict v = classifier.classify(damaged);
                assertThat(v.kind()).isNotNull();
                assertThat(v.reason()).isNotBlank();
                String text = MessageBodies.plainText(damaged);
                RemovalRequest.find(ReplyText.newText(text));
            }).as("case %d with seed %d", n, SEED).doesNotThrowAnyException();
        }
        System.out.printf("malformed mail fuzz: %d damaged messages from %d seeds (seed %d), no exception%n",
                CASES, seeds.size(), SEED);
    }

    private static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(Messages.raw("""
                From: Ada <ada@x.test>
                To: me@work.test
                Subject: Re: hello
                In-Reply-To: <a@b>
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="q"

                --q
                Content-Type: text/plain; charset=UTF-8

                Yes!

                On Mon, Jane wrote:
                > hi
                --q
                Content-Type: text/html; charset=UTF-8

                <p>Yes!</p><blockquote>hi</blockquote>
                --q--
                """));
        Path corpus = Path.of("..", "shared", "corpus", "bounces-rjbs");
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> files = Files.list(corpus)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".msg")).sorted().limit(40).toList()) {
                    seeds.add(Files.readAllBytes(f));
                }
            }
        }
        return seeds;
    }
}
