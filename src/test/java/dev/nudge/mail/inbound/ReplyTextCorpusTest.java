package dev.nudge.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Discourse's reply-trimmer corpus: real replies from about a dozen clients and languages, each with the new
 * text a person would read as the reply.
 */
class ReplyTextCorpusTest {

    static final Path CORPUS = Path.of("../shared/corpus/reply-bodies-discourse");

    // The figure this implementation reached; it may rise, never fall.
    static final int MATCHED_AT_LEAST = 63;

    @Test
    void new_text_matches_the_trimmed_text_of_the_discourse_corpus() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS.resolve("emails")),
                "Corpus " + CORPUS.toAbsolutePath().normalize() + " is absent; CI provides it");
        List<String> differing = new ArrayList<>();
        List<Path> emails;
        try (Stream<Path> files = Files.list(CORPUS.resolve("emails"))) {
            emails = files.filter(p -> p.toString().endsWith(".txt")).sorted().collect(Collectors.toList());
        }
        for (Path email : emails) {
            String name = email.getFileName().toString();
            String actual = ReplyText.newText(read(email));
            String expected = read(CORPUS.resolve("trimmed").resolve(name));
            if (!comparable(actual).equals(comparable(expected))) {
                differing.add(name);
            }
        }
        int matched = emails.size() - differing.size();
        System.out.printf("ReplyText on the Discourse corpus: %d/%d matched; differing: %s%n",
                matched, emails.size(), differing);

        assertThat(emails).hasSize(64);
        assertThat(matched).isGreaterThanOrEqualTo(MATCHED_AT_LEAST);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    // Line endings and trailing whitespace are not part of what the trimmer decides.
    private static String comparable(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').lines()
                .map(String::stripTrailing)
                .collect(Collectors.joining("\n"))
                .stripTrailing();
    }
}
